package org.queqiao.desk.visitor;

import org.queqiao.desk.Channel;
import org.queqiao.desk.Visitor;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.desk.store.VisitorStore;
import org.queqiao.platform.auth.OpaqueTokens;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a widget (or an app) becomes a visitor: with the channel's public key, and either nothing (a new
 * anonymous visitor), its earlier token (the same visitor again: the widget keeps the token, which is
 * what makes an anonymous visitor persistent) or the site's signed user id. The answer is a {@code qv_}
 * token that the realtime gateway accepts as a visitor principal.
 */
public final class VisitorSessions implements TokenAuthenticator {
    public static final String PREFIX = "qv_";
    private final DeskSetupStore setup;
    private final VisitorStore visitors;
    private final Duration ttl;
    private final Clock clock;

    public VisitorSessions(DeskSetupStore setup, VisitorStore visitors, Duration ttl, Clock clock) {
        this.setup = setup;
        this.visitors = visitors;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** What the widget sends to start; every field but {@code widgetKey} is optional. */
    public record Start(String widgetKey, String token, String userId, String signature, String name, String email, String phone) {}

    public record Ticket(String token, Instant expiresAt, Visitor visitor, Channel channel) {}

    public static boolean isVisitorToken(String token) {
        return OpaqueTokens.hasShape(token, PREFIX);
    }

    public Ticket start(Start s) {
        Channel channel = setup.channelByKey(Validate.required("widgetKey", s.widgetKey()))
                .orElseThrow(() -> new ProblemException(404, "no_such_channel", "No chat channel has this key; copy the script tag again from the desk settings", "widgetKey", null));
        Instant now = clock.instant();
        Visitor v = s.userId() != null ? identified(channel, s, now)
                : returning(channel, s.token(), now).map(back -> refreshed(back, s, now)).orElseGet(() -> anonymous(channel, s, now));
        String token = OpaqueTokens.newToken(PREFIX);
        Instant expires = now.plus(ttl);
        visitors.insertToken(OpaqueTokens.sha256(token), v.id(), v.orgId(), expires);
        return new Ticket(token, expires, v, channel);
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        if (!isVisitorToken(token)) return Optional.empty();
        return visitors.byToken(OpaqueTokens.sha256(token), clock.instant()).map(v -> Principal.deskVisitor(v.id(), v.orgId()));
    }

    private Visitor identified(Channel channel, Start s, Instant now) {
        String userId = VisitorIdentity.verify(channel.identitySecret(), s.userId(), s.signature());
        Optional<Visitor> known = visitors.findByExternalId(channel.id(), userId);
        if (known.isPresent()) return refreshed(known.get(), s, now);
        Visitor v = new Visitor(Ids.newId(), channel.orgId(), channel.id(), userId, name(s), email(s), phone(s), false, null, now);
        visitors.insert(v);
        return v;
    }

    private Optional<Visitor> returning(Channel channel, String token, Instant now) {
        if (token == null || !isVisitorToken(token)) return Optional.empty();
        return visitors.byToken(OpaqueTokens.sha256(token), now).filter(v -> v.channelId().equals(channel.id()) && v.externalId() == null);
    }

    private Visitor anonymous(Channel channel, Start s, Instant now) {
        Visitor v = new Visitor(Ids.newId(), channel.orgId(), channel.id(), null, name(s), email(s), phone(s), false, null, now);
        visitors.insert(v);
        return v;
    }

    private Visitor refreshed(Visitor v, Start s, Instant now) {
        Visitor u = new Visitor(v.id(), v.orgId(), v.channelId(), v.externalId(), s.name() != null ? name(s) : v.name(),
                s.email() != null ? email(s) : v.email(), s.phone() != null ? phone(s) : v.phone(), v.vip(), v.lastAgentId(), v.createdAt());
        visitors.update(u, now);
        return u;
    }

    private static String name(Start s) {
        return s.name() == null || s.name().isBlank() ? null : Validate.text("name", s.name(), 1, 64);
    }

    private static String email(Start s) {
        return Validate.optionalEmail("email", s.email());
    }

    private static String phone(Start s) {
        return Validate.optionalPhone("phone", s.phone());
    }
}
