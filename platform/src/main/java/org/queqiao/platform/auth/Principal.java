package org.queqiao.platform.auth;

import java.util.UUID;

/** Who is calling: an authenticated member of one organisation, through one session. */
public record Principal(UUID memberId, UUID orgId, Role role, UUID sessionId) {
    public boolean isAdmin() { return role == Role.OWNER || role == Role.ADMIN; }
}
