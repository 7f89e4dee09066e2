package org.queqiao.identity.store;

import java.time.Instant;
import java.util.UUID;

/** What login needs to know about an active account. */
/** {@code mustChangePassword}: the password is a temporary one an admin handed out. */
public record Credential(UUID memberId, UUID orgId, String passwordHash, int failedLogins, Instant lockedUntil, boolean mustChangePassword) {}
