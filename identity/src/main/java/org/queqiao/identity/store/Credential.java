package org.queqiao.identity.store;

import java.time.Instant;
import java.util.UUID;

/** What login needs to know about an active account. */
public record Credential(UUID memberId, UUID orgId, String passwordHash, int failedLogins, Instant lockedUntil) {}
