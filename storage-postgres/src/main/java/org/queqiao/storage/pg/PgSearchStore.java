package org.queqiao.storage.pg;

import org.jdbi.v3.core.statement.PreparedBatch;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.search.SearchStore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Message search on a tsvector column of messages (V7 migration), filled by the indexer. */
public final class PgSearchStore implements SearchStore {
    private final Db db;

    public PgSearchStore(Db db) {
        this.db = db;
    }

    @Override
    public List<Pending> claimUnindexed(int limit) {
        return db.with(h -> h.createQuery("select conversation_id, seq, concat_ws(' ', body->>'text', body->'file'->>'name', body->'card'->>'title') as text "
                        + "from messages where search_tsv is null and kind in ('text', 'file', 'image', 'card') "
                        + "order by created_at limit :n for update skip locked")
                .bind("n", limit)
                .map((rs, ctx) -> new Pending(Rows.uuid(rs, "conversation_id"), rs.getLong("seq"), rs.getString("text"))).list());
    }

    @Override
    public void saveTokens(List<Pending> messages, List<String> tokens) {
        db.use(h -> {
            // one statement per row in one round trip: each an index probe on the primary key
            PreparedBatch b = h.prepareBatch("update messages set search_tsv = to_tsvector('simple', :t) where conversation_id = :c and seq = :s");
            for (int i = 0; i < messages.size(); i++) b.bind("t", tokens.get(i)).bind("c", messages.get(i).conversationId()).bind("s", messages.get(i).seq()).add();
            b.execute();
        });
    }

    @Override
    public List<Entry> search(UUID orgId, UUID memberId, String tsquery, UUID conversationId, Instant beforeAt, UUID beforeId, int limit) {
        String sql = "select " + PgMessageStore.COLUMNS + " from conversation_members cm "
                + "join messages m on m.conversation_id = cm.conversation_id and m.seq > cm.visible_after "
                + "where cm.member_id = :me and m.org_id = :org and m.recalled_at is null and m.search_tsv @@ to_tsquery('simple', :q) "
                + (conversationId == null ? "" : "and cm.conversation_id = :conv ")
                + (beforeAt == null ? "" : "and (m.created_at, m.id) < (:at, :id) ")
                + "order by m.created_at desc, m.id desc limit :n";
        return db.with(h -> h.createQuery(sql).bind("me", memberId).bind("org", orgId).bind("q", tsquery).bind("conv", conversationId)
                .bind("at", beforeAt).bind("id", beforeId).bind("n", limit).map(PgMessageStore.ENTRY).list());
    }
}
