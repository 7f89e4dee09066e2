package org.queqiao.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One audit record as shown to an organisation's admins. */
public record AuditEntry(UUID id, Instant at, UUID actorId, String actorName, String action, String targetType, String targetId,
                         Map<?, ?> details) {}
