package org.queqiao.directory;

import java.time.Instant;
import java.util.UUID;

/** A tenant: every member, department and later every chat and meeting belongs to exactly one. */
public record Organization(UUID id, String name, String planId, Instant createdAt) {}
