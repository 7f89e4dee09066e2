package org.queqiao.directory;

import java.time.Instant;
import java.util.UUID;

/** A node of the organisation's department tree; {@code parentId} is null at the top level. */
public record Department(UUID id, UUID orgId, UUID parentId, String name, int memberCount, int childCount, Instant createdAt) {}
