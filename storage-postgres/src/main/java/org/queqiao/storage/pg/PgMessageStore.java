package org.queqiao.storage.pg;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.EntryKind;
import org.queqiao.messaging.MessageBody;
import org.queqiao.messaging.NewEntry;
import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The conversation logs in the messages table (V2 migration, ADR 0007). */
public final class PgMessageStore implements MessageStore {
    private static final TypeReference<Map<String, List<UUID>>> REACTIONS = new TypeReference<>() {};
    static final String COLUMNS = "m.conversation_id, m.seq, m.id, m.sender_id, m.client_msg_id, m.kind, m.body::text as body, m.target_seq, "
            + "m.reactions::text as reactions, m.created_at, m.edited_at, m.recalled_at";
    static final RowMapper<Entry> ENTRY = (rs, ctx) -> {
        long target = rs.getLong("target_seq");
        Long targetSeq = rs.wasNull() ? null : target; // right after reading it: wasNull is about the last column read
        String reactions = rs.getString("reactions");
        return new Entry(Rows.uuid(rs, "id"), Rows.uuid(rs, "conversation_id"), rs.getLong("seq"), Rows.uuid(rs, "sender_id"),
                rs.getString("client_msg_id"), EntryKind.fromWire(rs.getString("kind")), Json.read(rs.getString("body"), MessageBody.class),
                targetSeq, reactions == null ? null : readReactions(reactions), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "edited_at"), Rows.instant(rs, "recalled_at"));
    };

    private final Db db;

    public PgMessageStore(Db db) {
        this.db = db;
    }

    /**
     * The CTEs that follow the insert ({@code ins}) in both append statements: what search will index is
     * queued, and each sender's read position moves to their newest entry.
     */
    private static final String AFTER_INSERT = """
            q as (
                """ + PgSearchStore.queueForIndexing("ins where kind in " + PgSearchStore.SEARCHED_KINDS) + """
            ), rd as (
                update conversation_members cm set read_seq = greatest(cm.read_seq, x.s)
                from (select conversation_id as c, sender_id as m, max(seq) as s from ins group by 1, 2) x
                where cm.conversation_id = x.c and cm.member_id = x.m
            )""";

    /**
     * Numbers and stores a batch in one round trip: each conversation's last number moves up by its
     * count (the row lock orders concurrent batches), entry k of a conversation takes
     * last - count + rank, the senders' read positions follow, and what search will index is queued.
     */
    private static final String APPEND_ALL = """
            with k as (
                select * from unnest(cast(:c as uuid[]), cast(:rank as int[]), cast(:id as uuid[]), cast(:o as uuid[]), cast(:snd as uuid[]),
                                     cast(:cm as text[]), cast(:kind as text[]), cast(:b as text[]), cast(:t as bigint[]))
                    as k(c, rank, id, o, snd, cm, kind, b, t)
            ), counts as (
                select c, count(*)::int as n from k group by c
            ), r as (
                update conversations cv set last_seq = cv.last_seq + counts.n, last_entry_at = :at
                from counts where cv.id = counts.c returning cv.id, cv.last_seq, counts.n
            ), ins as (
                insert into messages (conversation_id, seq, id, org_id, sender_id, client_msg_id, kind, body, target_seq, created_at)
                select k.c, r.last_seq - r.n + k.rank, k.id, k.o, k.snd, k.cm, k.kind, cast(k.b as jsonb), k.t, :at from k join r on r.id = k.c
                on conflict do nothing
                returning conversation_id, seq, sender_id, kind
            ), """ + AFTER_INSERT + """
            select r.id, r.last_seq, r.n, (select count(*) from ins) as inserted from r""";

    /**
     * {@link #APPEND_ALL} for one entry, in plain parameters. A batch of one is what a node sees below a
     * few hundred messages a second, and the array statement was planned anew on every call (custom
     * plans win for it: its generic plan, which guesses ten rows, ran 4.5 times slower), which cost more
     * than running it. This one's plan is cached on the connection.
     */
    private static final String APPEND_ONE = """
            with r as (
                update conversations set last_seq = last_seq + 1, last_entry_at = :at where id = :c returning id, last_seq
            ), ins as (
                insert into messages (conversation_id, seq, id, org_id, sender_id, client_msg_id, kind, body, target_seq, created_at)
                select r.id, r.last_seq, :id, :o, cast(:snd as uuid), :cm, :kind, cast(:b as jsonb), cast(:t as bigint), :at from r
                on conflict do nothing
                returning conversation_id, seq, sender_id, kind
            ), """ + AFTER_INSERT + """
            select r.last_seq, (select count(*) from ins) as inserted from r""";

    @Override
    public Optional<List<Long>> appendAll(List<NewEntry> entries) {
        if (entries.size() == 1) return appendOne(entries.getFirst());
        int n = entries.size();
        List<UUID> conv = new ArrayList<>(n), id = new ArrayList<>(n), org = new ArrayList<>(n), sender = new ArrayList<>(n);
        List<String> cmid = new ArrayList<>(n), kind = new ArrayList<>(n), body = new ArrayList<>(n);
        List<Long> target = new ArrayList<>(n);
        List<Integer> rank = new ArrayList<>(n);
        Map<UUID, Integer> perConversation = new java.util.HashMap<>();
        for (NewEntry e : entries) {
            conv.add(e.conversationId());
            rank.add(perConversation.merge(e.conversationId(), 1, Integer::sum));
            id.add(e.id());
            org.add(e.orgId());
            sender.add(e.senderId());
            cmid.add(e.clientMsgId());
            kind.add(e.kind().wire());
            body.add(Json.write(e.body()));
            target.add(e.targetSeq());
        }
        Map<UUID, Long> firstSeq = new java.util.HashMap<>();
        long[] inserted = {0};
        db.use(h -> h.createQuery(APPEND_ALL)
                .bind("c", BinaryArrays.uuids(conv)).bind("rank", BinaryArrays.ints(rank)).bind("id", BinaryArrays.uuids(id)).bind("o", BinaryArrays.uuids(org))
                .bind("snd", BinaryArrays.uuids(sender)).bind("cm", BinaryArrays.texts(cmid)).bind("kind", BinaryArrays.texts(kind))
                .bind("b", BinaryArrays.texts(body)).bind("t", BinaryArrays.longs(target)).bind("at", entries.getFirst().at())
                .map((rs, ctx) -> {
                    inserted[0] = rs.getLong("inserted");
                    return firstSeq.put(Rows.uuid(rs, "id"), rs.getLong("last_seq") - rs.getInt("n") + 1);
                }).list());
        if (inserted[0] != n) return Optional.empty();
        List<Long> seqs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) seqs.add(firstSeq.get(conv.get(i)) + rank.get(i) - 1);
        return Optional.of(seqs);
    }

    private Optional<List<Long>> appendOne(NewEntry e) {
        return db.with(h -> h.createQuery(APPEND_ONE)
                .bind("c", e.conversationId()).bind("id", e.id()).bind("o", e.orgId()).bind("snd", e.senderId())
                .bind("cm", e.clientMsgId()).bind("kind", e.kind().wire()).bind("b", Json.write(e.body())).bind("t", e.targetSeq())
                .bind("at", e.at())
                .map((rs, ctx) -> rs.getLong("inserted") == 1 ? Optional.of(List.of(rs.getLong("last_seq"))) : Optional.<List<Long>>empty())
                .findOne().orElse(Optional.empty()));
    }

    @Override
    public List<Entry> findByClientMsgIds(List<ClientKey> keys) {
        if (keys.isEmpty()) return List.of();
        if (keys.size() == 1) { // plain parameters, cached plan: see APPEND_ONE
            ClientKey k = keys.getFirst();
            return findByClientMsgId(k.conversationId(), k.senderId(), k.clientMsgId()).map(List::of).orElse(List.of());
        }
        // lateral: one probe of the unique index per key, whatever the planner guesses about unnest's size
        return db.with(h -> h.createQuery("select " + COLUMNS + " from unnest(cast(:c as uuid[]), cast(:s as uuid[]), cast(:id as text[])) as k(c, s, id) "
                        + "cross join lateral (select * from messages m0 where m0.conversation_id = k.c and m0.sender_id = k.s and m0.client_msg_id = k.id) m")
                .bind("c", BinaryArrays.uuids(keys.stream().map(ClientKey::conversationId).toList()))
                .bind("s", BinaryArrays.uuids(keys.stream().map(ClientKey::senderId).toList()))
                .bind("id", BinaryArrays.texts(keys.stream().map(ClientKey::clientMsgId).toList()))
                .map(ENTRY).list());
    }

    @Override
    public Optional<Entry> findByClientMsgId(UUID conversationId, UUID senderId, String clientMsgId) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from messages m where m.conversation_id = :c and m.sender_id = :s and m.client_msg_id = :id")
                .bind("c", conversationId).bind("s", senderId).bind("id", clientMsgId).map(ENTRY).findOne());
    }

    @Override
    public Optional<Entry> find(UUID conversationId, long seq) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from messages m where m.conversation_id = :c and m.seq = :s")
                .bind("c", conversationId).bind("s", seq).map(ENTRY).findOne());
    }

    @Override
    public List<Entry> newestBetween(UUID conversationId, long after, long before, int limit) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from messages m where m.conversation_id = :c and m.seq > :a and m.seq < :b "
                        + "order by m.seq desc limit :n")
                .bind("c", conversationId).bind("a", after).bind("b", before).bind("n", limit).map(ENTRY).list());
    }

    @Override
    public List<Entry> oldestAfter(UUID conversationId, long after, int limit) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from messages m where m.conversation_id = :c and m.seq > :a order by m.seq limit :n")
                .bind("c", conversationId).bind("a", after).bind("n", limit).map(ENTRY).list());
    }

    @Override
    public Map<UUID, List<Entry>> entriesSince(UUID memberId, Map<UUID, Long> cursors, int perConversation, int maxConversations) {
        List<UUID> ids = new ArrayList<>(cursors.keySet());
        List<Long> seqs = ids.stream().map(cursors::get).toList();
        // one pass over the member's seats; a conversation with nothing new costs one index probe
        // first the conversations with news (most recent first, capped), then their entries
        String sql = "with news as (select cm.conversation_id, greatest(coalesce(k.seq, 0), cm.visible_after) as after, c.last_entry_at "
                + "    from conversation_members cm join conversations c on c.id = cm.conversation_id "
                + "    left join unnest(cast(:ids as uuid[]), cast(:seqs as bigint[])) as k(id, seq) on k.id = cm.conversation_id "
                + "    where cm.member_id = :member and c.kind <> 'desk' and c.last_seq > greatest(coalesce(k.seq, 0), cm.visible_after) "
                + "    order by c.last_entry_at desc limit :convs) "
                + "select " + COLUMNS + " from news cross join lateral (select * from messages m0 where m0.conversation_id = news.conversation_id "
                + "    and m0.seq > news.after order by m0.seq limit :n) m "
                + "order by news.last_entry_at desc, m.conversation_id, m.seq";
        List<Entry> rows = db.with(h -> h.createQuery(sql).bindArray("ids", UUID.class, ids).bindArray("seqs", Long.class, seqs)
                .bind("n", perConversation).bind("convs", maxConversations).bind("member", memberId).map(ENTRY).list());
        Map<UUID, List<Entry>> byConversation = new LinkedHashMap<>();
        for (Entry e : rows) byConversation.computeIfAbsent(e.conversationId(), k -> new ArrayList<>()).add(e);
        return byConversation;
    }

    @Override
    public void recordEdit(UUID conversationId, long seq, MessageBody body, Instant at) {
        // the old words stop matching at once; the new ones once the indexer has them
        db.use(h -> h.createUpdate("with m as (update messages set body = cast(:b as jsonb), edited_at = :at where conversation_id = :c and seq = :s returning conversation_id, seq), "
                        + "d as (" + PgSearchStore.dropWordsOf("m") + ") " + PgSearchStore.queueForIndexing("m"))
                .bind("b", Json.write(body)).bind("at", at).bind("c", conversationId).bind("s", seq).execute());
    }

    @Override
    public void recordRecall(UUID conversationId, long seq, Instant at) {
        db.use(h -> h.createUpdate("with m as (update messages set body = '{}'::jsonb, reactions = null, recalled_at = :at where conversation_id = :c and seq = :s "
                        + "returning conversation_id, seq) " + PgSearchStore.dropWordsOf("m"))
                .bind("at", at).bind("c", conversationId).bind("s", seq).execute());
    }

    @Override
    public boolean recordReaction(UUID conversationId, long seq, String emoji, UUID memberId, boolean added) {
        String sql = added
                ? "update messages set reactions = jsonb_set(coalesce(reactions, '{}'::jsonb), array[:e], "
                  + "coalesce(reactions -> :e, '[]'::jsonb) || to_jsonb(cast(:m as text))) "
                  + "where conversation_id = :c and seq = :s and not coalesce(reactions -> :e, '[]'::jsonb) @> jsonb_build_array(cast(:m as text))"
                : "update messages set reactions = nullif(case when jsonb_array_length((reactions -> :e) - cast(:m as text)) = 0 then reactions - :e "
                  + "else jsonb_set(reactions, array[:e], (reactions -> :e) - cast(:m as text)) end, '{}'::jsonb) "
                  + "where conversation_id = :c and seq = :s and coalesce(reactions -> :e, '[]'::jsonb) @> jsonb_build_array(cast(:m as text))";
        return db.with(h -> h.createUpdate(sql).bind("e", emoji).bind("m", memberId.toString()).bind("c", conversationId).bind("s", seq).execute()) > 0;
    }

    private static Map<String, List<UUID>> readReactions(String json) {
        try {
            return Json.MAPPER.readValue(json, REACTIONS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable reactions", e);
        }
    }
}
