package org.queqiao.identity;

import org.queqiao.directory.Invitations;
import org.queqiao.directory.MemberDirectory;
import org.queqiao.identity.store.CredentialStore;
import org.queqiao.identity.store.CredentialStore.PendingActivation;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * First sign-in of members an admin imported without a password: the admin downloads one-time
 * activation codes (a school hands them out with the class lists), each person enters e-mail, code and
 * a password of their own. Codes are stored as SHA-256 only, so issuing 1,300 of them is instant; the
 * password hash is paid once, by the person activating.
 */
public final class Activations {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CredentialStore credentials;
    private final MemberDirectory directory;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final AuditLog audit;
    private final Duration ttl;
    private final LoginThrottle throttle;

    public Activations(CredentialStore credentials, MemberDirectory directory, Sessions sessions, PasswordHasher hasher,
                       PasswordPolicy passwords, AuditLog audit, Duration ttl, int maxFailuresPerIpPerMinute) {
        this.credentials = credentials;
        this.directory = directory;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwords = passwords;
        this.audit = audit;
        this.ttl = ttl;
        this.throttle = new LoginThrottle(maxFailuresPerIpPerMinute);
    }

    public record IssuedCode(String name, String email, String code, Instant expiresAt) {}

    /** New codes for every active member without a password; codes issued earlier stop working. */
    public List<IssuedCode> issueForMembersWithoutPassword(Principal actor) {
        Access.requireAdmin(actor);
        Instant expires = Instant.now().plus(ttl);
        Map<UUID, byte[]> hashes = new LinkedHashMap<>();
        List<IssuedCode> issued = new ArrayList<>();
        for (CredentialStore.Activation a : credentials.withoutPassword(actor.orgId())) {
            String code = newCode();
            hashes.put(a.memberId(), Tokens.hash(normalise(code)));
            issued.add(new IssuedCode(a.name(), a.email(), code, expires));
        }
        credentials.setActivationCodes(hashes, expires);
        audit.record(actor.orgId(), actor.memberId(), "activation_codes.issued", "organization", actor.orgId().toString(),
                Map.of("members", issued.size(), "expiresAt", expires.toString()));
        return issued;
    }

    /** Sets the person's own password with their code and signs them in. */
    public SignedIn activate(String email, String code, String password, ClientInfo client) {
        String e = Validate.email("email", email);
        Validate.required("code", code);
        Instant now = Instant.now();
        throttle.check(client.ip(), now.toEpochMilli());
        PendingActivation pending = credentials.pendingActivation(e).orElse(null);
        byte[] given = Tokens.hash(normalise(code));
        if (pending == null || pending.expiresAt().isBefore(now) || !MessageDigest.isEqual(pending.codeHash(), given)) {
            throttle.recordFailure(client.ip(), now.toEpochMilli());
            throw ProblemException.unauthorized("invalid_activation", "The e-mail or activation code is wrong or has expired; ask your admin for a new code");
        }
        String hash = hasher.hash(passwords.check("password", password, e));
        if (!credentials.activate(pending.memberId(), given, hash)) {
            throw ProblemException.conflict("activation_used", "This code was just used; sign in with your password", "code");
        }
        audit.record(pending.orgId(), pending.memberId(), "member.activated", "member", pending.memberId().toString(), Map.of());
        return sessions.open(directory.find(pending.orgId(), pending.memberId()), client);
    }

    static String normalise(String code) {
        return Invitations.normalise(code).replace(" ", "");
    }

    private static String newCode() {
        char[] c = new char[11];
        for (int i = 0; i < c.length; i++) c[i] = i == 5 ? '-' : ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(c);
    }
}
