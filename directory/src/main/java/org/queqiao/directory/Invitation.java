package org.queqiao.directory;

import org.queqiao.platform.auth.Role;

import java.time.Instant;
import java.util.UUID;

/** A link or code that lets someone join an organisation with a role until it expires. */
public record Invitation(UUID id, UUID orgId, String code, Role role, UUID createdBy, Instant createdAt,
                         Instant expiresAt, Integer maxUses, int uses, Instant revokedAt) {
    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && (maxUses == null || uses < maxUses);
    }
}
