package org.queqiao.storage.pg;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.messaging.compliance.ChatPolicy;
import org.queqiao.messaging.compliance.ChatPolicyStore;
import org.queqiao.platform.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Chat policies (V6 migration) and retention deletes. */
public final class PgChatPolicyStore implements ChatPolicyStore {
    private static final TypeReference<List<ChatPolicy.Word>> WORDS = new TypeReference<>() {};
    private static final RowMapper<ChatPolicy> POLICY = (rs, ctx) -> {
        int days = rs.getInt("retention_days");
        Integer retention = rs.wasNull() ? null : days;
        List<ChatPolicy.Word> words;
        try {
            words = Json.MAPPER.readValue(rs.getString("sensitive_words"), WORDS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable sensitive words", e);
        }
        return new ChatPolicy(Rows.uuid(rs, "org_id"), retention, words, Rows.uuid(rs, "updated_by"), Rows.instant(rs, "updated_at"));
    };

    private final Db db;

    public PgChatPolicyStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<ChatPolicy> find(UUID orgId) {
        return db.with(h -> h.createQuery("select org_id, retention_days, sensitive_words::text as sensitive_words, updated_by, updated_at "
                + "from chat_policies where org_id = :org").bind("org", orgId).map(POLICY).findOne());
    }

    @Override
    public void save(ChatPolicy p) {
        db.use(h -> h.createUpdate("insert into chat_policies (org_id, retention_days, sensitive_words, updated_by, updated_at) "
                        + "values (:org, :days, cast(:words as jsonb), :by, :at) on conflict (org_id) do update set retention_days = excluded.retention_days, "
                        + "sensitive_words = excluded.sensitive_words, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .bind("org", p.orgId()).bind("days", p.retentionDays()).bind("words", Json.write(p.sensitiveWords()))
                .bind("by", p.updatedBy()).bind("at", p.updatedAt()).execute());
    }

    @Override
    public List<ChatPolicy> withRetention() {
        return db.with(h -> h.createQuery("select org_id, retention_days, sensitive_words::text as sensitive_words, updated_by, updated_at "
                + "from chat_policies where retention_days is not null").map(POLICY).list());
    }

    @Override
    public int deleteEntriesBefore(UUID orgId, Instant cutoff, int limit) {
        // their search rows go with them (a queued one finds no message and is dropped by the indexer)
        return db.with(h -> h.createQuery("with m as (delete from messages where ctid in (select ctid from messages where org_id = :org and created_at < :cutoff limit :n) "
                        + "returning conversation_id, seq), s as (" + PgSearchStore.dropWordsOf("m") + ") "
                        + "select count(*) from m")
                .bind("org", orgId).bind("cutoff", cutoff).bind("n", limit).mapTo(Integer.class).one());
    }
}
