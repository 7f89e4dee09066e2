package org.queqiao.storage.pg;

import org.queqiao.messaging.Entry;
import org.queqiao.messaging.search.SearchStore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Message search on tsvectors in message_search, one row per indexed message, written by the indexer
 * from search_queue (V10 migration); a message row is never rewritten for search.
 */
public final class PgSearchStore implements SearchStore {
    /** The kinds of entry that have words to find. */
    static final String SEARCHED_KINDS = "('text', 'file', 'image', 'card')";

    /**
     * SQL for a data-modifying CTE or statement of the message stores: queues for indexing the messages
     * (conversation_id, seq) that {@code source} (a CTE, optionally with a where clause) returns.
     */
    static String queueForIndexing(String source) {
        return "insert into search_queue (conversation_id, seq) select conversation_id, seq from " + source;
    }

    /** SQL, like {@link #queueForIndexing}: drops the stored words of the messages the CTE {@code cte} returns. */
    static String dropWordsOf(String cte) {
        return "delete from message_search s using " + cte + " where s.conversation_id = " + cte + ".conversation_id and s.seq = " + cte + ".seq";
    }

    private final Db db;

    public PgSearchStore(Db db) {
        this.db = db;
    }

    @Override
    public List<Pending> claimUnindexed(int limit) {
        // a message since recalled or deleted comes with no text; an edit queued twice comes once
        return db.with(h -> h.createQuery("with q as (delete from search_queue where ctid = any(array(select ctid from search_queue limit :n for update skip locked)) "
                        + "returning conversation_id, seq) "
                        + "select distinct q.conversation_id, q.seq, concat_ws(' ', m.body->>'text', m.body->'file'->>'name', m.body->'card'->>'title') as text "
                        + "from q left join messages m on m.conversation_id = q.conversation_id and m.seq = q.seq and m.recalled_at is null")
                .bind("n", limit)
                .map((rs, ctx) -> new Pending(Rows.uuid(rs, "conversation_id"), rs.getLong("seq"), rs.getString("text"))).list());
    }

    @Override
    public void saveTokens(List<Pending> messages, List<String> tokens) {
        db.use(h -> {
            List<UUID> c = new java.util.ArrayList<>(messages.size());
            List<Long> s = new java.util.ArrayList<>(messages.size());
            List<String> t = new java.util.ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                if (tokens.get(i) == null) continue;
                c.add(messages.get(i).conversationId());
                s.add(messages.get(i).seq());
                t.add(tokens.get(i));
            }
            if (c.isEmpty()) return;
            // recalled or deleted since it was claimed: nothing stored (search hides recalled messages anyway);
            // edited since: stored now, and the edit's own queue row indexes it again
            h.createUpdate("insert into message_search (conversation_id, seq, tsv) "
                            + "select k.c, k.s, to_tsvector('simple', k.t) from unnest(cast(:c as uuid[]), cast(:s as bigint[]), cast(:t as text[])) as k(c, s, t) "
                            + "join messages m on m.conversation_id = k.c and m.seq = k.s and m.recalled_at is null "
                            + "on conflict (conversation_id, seq) do update set tsv = excluded.tsv")
                    .bind("c", BinaryArrays.uuids(c)).bind("s", BinaryArrays.longs(s)).bind("t", BinaryArrays.texts(t)).execute();
        });
    }

    @Override
    public List<Entry> search(UUID orgId, UUID memberId, String tsquery, UUID conversationId, Instant beforeAt, UUID beforeId, int limit) {
        String sql = "select " + PgMessageStore.COLUMNS + " from conversation_members cm "
                + "join message_search s on s.conversation_id = cm.conversation_id and s.seq > cm.visible_after "
                + "join messages m on m.conversation_id = s.conversation_id and m.seq = s.seq "
                + "where cm.member_id = :me and m.org_id = :org and m.recalled_at is null and s.tsv @@ to_tsquery('simple', :q) "
                + (conversationId == null ? "" : "and cm.conversation_id = :conv ")
                + (beforeAt == null ? "" : "and (m.created_at, m.id) < (:at, :id) ")
                + "order by m.created_at desc, m.id desc limit :n";
        return db.with(h -> h.createQuery(sql).bind("me", memberId).bind("org", orgId).bind("q", tsquery).bind("conv", conversationId)
                .bind("at", beforeAt).bind("id", beforeId).bind("n", limit).map(PgMessageStore.ENTRY).list());
    }
}
