package org.queqiao.identity;

import java.time.Instant;
import java.util.UUID;

/** One signed-in device. The token itself is never stored: only its SHA-256. */
public record Session(UUID id, UUID orgId, UUID memberId, String deviceName, String ip, String userAgent,
                     Instant createdAt, Instant lastSeenAt, Instant expiresAt, Instant revokedAt) {}
