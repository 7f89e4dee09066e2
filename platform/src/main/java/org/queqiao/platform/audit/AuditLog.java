package org.queqiao.platform.audit;

import java.util.Map;
import java.util.UUID;

/** Append-only record of security-relevant actions (who did what to whom, when). */
public interface AuditLog {
    void record(UUID orgId, UUID actorId, String action, String targetType, String targetId, Map<String, Object> details);
}
