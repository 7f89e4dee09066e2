package org.queqiao.platform.auth;

import java.util.UUID;

/**
 * Who is calling: an authenticated member of one organisation, through one session.
 *
 * <p>A meeting guest (someone who joined a meeting by link) is a principal too, with a
 * {@code meetingScope}: the one meeting it may act in. Its {@code memberId} and {@code sessionId}
 * are its guest id (it is no member of the directory), its role is {@link Role#GUEST}, and the
 * realtime gateway lets it call only {@code meeting.*} and {@code media.*} operations. The HTTP API
 * never accepts it. For members {@code meetingScope} is null.
 *
 * <p>A visitor of the customer-service desk (someone on a customer's website, ADR 0010) is a principal
 * with {@code deskVisitor} set: its {@code memberId} and {@code sessionId} are its visitor id, its role
 * {@link Role#GUEST}, and the gateway lets it call only {@code visitor.*} operations.
 */
public record Principal(UUID memberId, UUID orgId, Role role, UUID sessionId, UUID meetingScope, boolean deskVisitor) {
    public Principal(UUID memberId, UUID orgId, Role role, UUID sessionId) {
        this(memberId, orgId, role, sessionId, null, false);
    }

    public Principal(UUID memberId, UUID orgId, Role role, UUID sessionId, UUID meetingScope) {
        this(memberId, orgId, role, sessionId, meetingScope, false);
    }

    public static Principal deskVisitor(UUID visitorId, UUID orgId) {
        return new Principal(visitorId, orgId, Role.GUEST, visitorId, null, true);
    }

    /** Not a member of the directory: a meeting guest or a desk visitor (nobody's contact, no presence). */
    public boolean isOutsider() { return meetingScope != null || deskVisitor; }

    public boolean isAdmin() { return role == Role.OWNER || role == Role.ADMIN; }

    /** A guest admitted to one meeting by link, not a member of the organisation. */
    public boolean isMeetingGuest() { return meetingScope != null; }
}
