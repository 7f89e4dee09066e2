package org.queqiao.identity;

import org.queqiao.directory.Member;
import org.queqiao.directory.MemberDirectory;
import org.queqiao.identity.store.Credential;
import org.queqiao.identity.store.CredentialStore;
import org.queqiao.identity.store.SessionStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.bus.Topics;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sign-in, token checks, the device list and sign-out (one, or everywhere). */
public final class Sessions implements TokenAuthenticator {
    /** Record use at most this often, so a busy client does not write on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SessionStore sessions;
    private final CredentialStore credentials;
    private final MemberDirectory directory;
    private final PasswordHasher hasher;
    private final SessionPolicy policy;
    private final LoginThrottle throttle;
    private final EventBus bus;

    public Sessions(SessionStore sessions, CredentialStore credentials, MemberDirectory directory, PasswordHasher hasher,
                    SessionPolicy policy, EventBus bus) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.directory = directory;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = new LoginThrottle(policy.maxFailuresPerIpPerMinute());
        this.bus = bus;
    }

    public SignedIn login(String email, String password, ClientInfo client) {
        String e = Validate.email("email", email);
        Validate.required("password", password);
        Validate.check(password.length() <= 256, "password", "too_long", "password is at most 256 characters");
        Instant now = Instant.now();
        throttle.check(client.ip(), now.toEpochMilli());
        Optional<Credential> found = credentials.findActiveByEmail(e);
        if (found.isEmpty() || found.get().passwordHash() == null) {
            hasher.burn(password);
            throttle.recordFailure(client.ip(), now.toEpochMilli());
            throw badCredentials();
        }
        Credential c = found.get();
        if (c.lockedUntil() != null && c.lockedUntil().isAfter(now)) {
            long retry = Math.max(1, Duration.between(now, c.lockedUntil()).toSeconds());
            throw new ProblemException(423, "account_locked", "Too many failed sign-ins: this account is locked for "
                    + Math.max(1, retry / 60) + " more minute(s). Try later or ask an admin to reset your password.", null, Map.of("retryAfterSeconds", retry));
        }
        if (!hasher.verify(password, c.passwordHash())) {
            throttle.recordFailure(client.ip(), now.toEpochMilli());
            boolean lock = c.failedLogins() + 1 >= policy.maxFailures();
            credentials.recordFailure(c.memberId(), lock ? now.plus(policy.lockout()) : null);
            throw badCredentials();
        }
        if (c.failedLogins() > 0 || c.lockedUntil() != null) credentials.clearFailures(c.memberId());
        if (hasher.needsRehash(c.passwordHash())) credentials.setPassword(c.memberId(), hasher.hash(password), false);
        return open(directory.find(c.orgId(), c.memberId()), client);
    }

    /** Opens a session for a member who just proved who they are (login, sign-up, invitation). */
    public SignedIn open(Member member, ClientInfo client) {
        Instant now = Instant.now();
        String token = Tokens.newToken();
        Session s = new Session(Ids.newId(), member.orgId(), member.id(), trim(client.deviceName(), 100), trim(client.ip(), 64),
                trim(client.userAgent(), 300), now, now, expiry(now, now), null);
        sessions.insert(s, Tokens.hash(token));
        return new SignedIn(token, s, member);
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        if (!Tokens.plausible(token)) return Optional.empty();
        Instant now = Instant.now();
        return sessions.findLive(Tokens.hash(token), now).map(live -> {
            Session s = live.session();
            if (s.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) sessions.touch(s.id(), now, expiry(s.createdAt(), now));
            return new Principal(s.memberId(), s.orgId(), live.role(), s.id());
        });
    }

    public List<Session> list(Principal actor) {
        return sessions.listLive(actor.memberId(), Instant.now());
    }

    public void revoke(Principal actor, UUID sessionId) {
        if (!sessions.revoke(actor.memberId(), sessionId, Instant.now())) throw ProblemException.notFound("Session");
        announce(actor.orgId(), actor.memberId(), List.of(sessionId));
    }

    /** Signs the member out everywhere (optionally keeping one session) and closes their sockets on every node. */
    public List<UUID> revokeAll(UUID orgId, UUID memberId, UUID keep) {
        List<UUID> revoked = sessions.revokeAll(memberId, keep, Instant.now());
        if (!revoked.isEmpty()) announce(orgId, memberId, revoked);
        return revoked;
    }

    /** Revokes every session inside the caller's transaction without announcing it (offboarding announces after commit). */
    List<UUID> revokeAllQuietly(UUID memberId, Instant at) {
        return sessions.revokeAll(memberId, null, at);
    }

    private void announce(UUID orgId, UUID memberId, List<UUID> sessionIds) {
        bus.publish(Topics.SESSIONS_REVOKED, Json.write(Map.of("orgId", orgId, "memberId", memberId, "sessionIds", sessionIds)));
    }

    private Instant expiry(Instant created, Instant now) {
        Instant idle = now.plus(policy.idleTimeout());
        Instant max = created.plus(policy.maxLifetime());
        return idle.isBefore(max) ? idle : max;
    }

    private static ProblemException badCredentials() {
        return ProblemException.unauthorized("invalid_credentials", "The e-mail or password is wrong");
    }

    private static String trim(String s, int max) {
        if (s == null || s.isBlank()) return null;
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
