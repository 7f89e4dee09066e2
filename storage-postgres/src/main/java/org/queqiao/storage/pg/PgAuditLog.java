package org.queqiao.storage.pg;

import org.jdbi.v3.core.statement.Query;
import org.queqiao.platform.audit.AuditEntry;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.audit.AuditReader;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit trail in PostgreSQL, written in the transaction of the action it records. */
public final class PgAuditLog implements AuditLog, AuditReader {
    private final Db db;

    public PgAuditLog(Db db) {
        this.db = db;
    }

    @Override
    public void record(UUID orgId, UUID actorId, String action, String targetType, String targetId, Map<String, Object> details) {
        db.use(h -> h.createUpdate("insert into audit_log (id, org_id, actor_id, action, target_type, target_id, details) "
                        + "values (:id, :org, :actor, :action, :type, :target, cast(:details as jsonb))")
                .bind("id", Ids.newId()).bind("org", orgId).bind("actor", actorId).bind("action", action).bind("type", targetType)
                .bind("target", targetId).bind("details", Json.write(details == null ? Map.of() : details)).execute());
    }

    @Override
    public Page<AuditEntry> list(UUID orgId, PageRequest page) {
        UUID before = page.isFirst() ? null : Ids.parseOrNull(page.afterId());
        if (!page.isFirst() && before == null) throw ProblemException.invalid("cursor", "invalid_cursor", "cursor is not one this server issued");
        String sql = "select a.*, m.name as actor_name from audit_log a left join members m on m.id = a.actor_id where a.org_id = :org"
                + (before == null ? "" : " and a.id < :before") + " order by a.id desc limit :limit";
        List<AuditEntry> rows = db.with(h -> {
            Query q = h.createQuery(sql).bind("org", orgId).bind("limit", page.limit() + 1);
            if (before != null) q.bind("before", before);
            return q.map((rs, ctx) -> new AuditEntry(Rows.uuid(rs, "id"), Rows.instant(rs, "at"), Rows.uuid(rs, "actor_id"),
                    rs.getString("actor_name"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                    Json.read(rs.getString("details"), Map.class))).list();
        });
        return Page.of(rows, page.limit(), e -> PageRequest.cursor("", e.id().toString()));
    }
}
