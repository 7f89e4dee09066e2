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
 */
public record Principal(UUID memberId, UUID orgId, Role role, UUID sessionId, UUID meetingScope) {
    public Principal(UUID memberId, UUID orgId, Role role, UUID sessionId) {
        this(memberId, orgId, role, sessionId, null);
    }

    public boolean isAdmin() { return role == Role.OWNER || role == Role.ADMIN; }

    /** A guest admitted to one meeting by link, not a member of the organisation. */
    public boolean isMeetingGuest() { return meetingScope != null; }
}
