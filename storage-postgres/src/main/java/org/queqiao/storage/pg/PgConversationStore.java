package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.messaging.ChatRole;
import org.queqiao.messaging.Conversation;
import org.queqiao.messaging.ConversationKind;
import org.queqiao.messaging.ConversationSummary;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.Membership;
import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Conversations and their members (V2 migration, ADR 0007). */
public final class PgConversationStore implements ConversationStore {
    private static final String COLUMNS = "c.id, c.org_id, c.kind, c.title, c.announcement, c.department_id, c.direct_key, c.last_seq, c.member_count, "
            + "c.last_entry_at, c.created_by, c.created_at, c.dissolved_at";
    private static final RowMapper<Conversation> CONVERSATION = (rs, ctx) -> new Conversation(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            ConversationKind.fromWire(rs.getString("kind")), rs.getString("title"), rs.getString("announcement"), Rows.uuid(rs, "department_id"),
            rs.getString("direct_key"), rs.getLong("last_seq"), rs.getInt("member_count"), Rows.instant(rs, "last_entry_at"),
            Rows.uuid(rs, "created_by"), Rows.instant(rs, "created_at"), Rows.instant(rs, "dissolved_at"));
    private static final String MEMBER_COLUMNS = "cm.conversation_id, cm.member_id, cm.role, cm.visible_after, cm.read_seq, cm.muted_until, cm.joined_at";
    private static final RowMapper<Membership> MEMBERSHIP = (rs, ctx) -> new Membership(Rows.uuid(rs, "conversation_id"), Rows.uuid(rs, "member_id"),
            ChatRole.fromWire(rs.getString("role")), rs.getLong("visible_after"), rs.getLong("read_seq"), Rows.instant(rs, "muted_until"),
            Rows.instant(rs, "joined_at"));
    private static final String MESSAGE_KINDS = "('text', 'file', 'image', 'card')";

    private final Db db;

    public PgConversationStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Conversation c) {
        db.use(h -> h.createUpdate("insert into conversations (id, org_id, kind, title, announcement, department_id, direct_key, last_seq, member_count, "
                        + "last_entry_at, created_by, created_at) values (:id, :org, :kind, :title, :ann, :dept, :dk, 0, 0, :at, :by, :at)")
                .bind("id", c.id()).bind("org", c.orgId()).bind("kind", c.kind().wire()).bind("title", c.title()).bind("ann", c.announcement())
                .bind("dept", c.departmentId()).bind("dk", c.directKey()).bind("at", c.createdAt()).bind("by", c.createdBy()).execute());
    }

    @Override
    public Optional<Conversation> find(UUID orgId, UUID id) {
        return one("where c.org_id = :org and c.id = :id", orgId, id, "");
    }

    @Override
    public Optional<Conversation> lock(UUID orgId, UUID id) {
        return one("where c.org_id = :org and c.id = :id", orgId, id, " for update");
    }

    @Override
    public Optional<Conversation> findDirect(UUID orgId, String directKey) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from conversations c where c.org_id = :org and c.direct_key = :k")
                .bind("org", orgId).bind("k", directKey).map(CONVERSATION).findOne());
    }

    @Override
    public Optional<Conversation> findDepartmentGroup(UUID orgId, UUID departmentId) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from conversations c where c.org_id = :org and c.kind = 'department' and c.department_id = :d")
                .bind("org", orgId).bind("d", departmentId).map(CONVERSATION).findOne());
    }

    @Override
    public Optional<Conversation> findAllStaff(UUID orgId) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from conversations c where c.org_id = :org and c.kind = 'all_staff'")
                .bind("org", orgId).map(CONVERSATION).findOne());
    }

    private Optional<Conversation> one(String where, UUID orgId, UUID id, String suffix) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from conversations c " + where + suffix)
                .bind("org", orgId).bind("id", id).map(CONVERSATION).findOne());
    }

    @Override
    public void update(Conversation c) {
        db.use(h -> h.createUpdate("update conversations set title = :t, announcement = :a, dissolved_at = :d where id = :id and org_id = :org")
                .bind("t", c.title()).bind("a", c.announcement()).bind("d", c.dissolvedAt()).bind("id", c.id()).bind("org", c.orgId()).execute());
    }

    @Override
    public Optional<Membership> membership(UUID conversationId, UUID memberId) {
        return db.with(h -> h.createQuery("select " + MEMBER_COLUMNS + " from conversation_members cm where cm.conversation_id = :c and cm.member_id = :m")
                .bind("c", conversationId).bind("m", memberId).map(MEMBERSHIP).findOne());
    }

    @Override
    public Map<SeatKey, org.queqiao.messaging.Seat> seats(List<SeatKey> keys) {
        Map<SeatKey, org.queqiao.messaging.Seat> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        RowMapper<org.queqiao.messaging.Seat> seat = (rs, ctx) -> {
            Conversation c = CONVERSATION.map(rs, ctx);
            Membership m = MEMBERSHIP.map(rs, ctx);
            return out.put(new SeatKey(c.orgId(), c.id(), m.memberId()), new org.queqiao.messaging.Seat(c, m));
        };
        if (keys.size() == 1) {
            // a batch of one, the usual case below a few hundred messages a second: plain parameters get a
            // cached plan, where the array form is planned anew on every call (a generic plan of it would
            // guess ten keys and scan conversations)
            SeatKey k = keys.getFirst();
            db.use(h -> h.createQuery("select " + COLUMNS + ", " + MEMBER_COLUMNS + " from conversations c "
                            + "join conversation_members cm on cm.conversation_id = c.id and cm.member_id = :m where c.id = :c and c.org_id = :o")
                    .bind("o", k.orgId()).bind("c", k.conversationId()).bind("m", k.memberId()).map(seat).list());
            return out;
        }
        db.use(h -> h.createQuery("select " + COLUMNS + ", " + MEMBER_COLUMNS + " "
                        + "from unnest(cast(:o as uuid[]), cast(:c as uuid[]), cast(:m as uuid[])) as k(o, c, m) "
                        + "cross join lateral (select * from conversations c0 where c0.id = k.c and c0.org_id = k.o) c "
                        + "cross join lateral (select * from conversation_members cm0 where cm0.conversation_id = k.c and cm0.member_id = k.m) cm")
                .bind("o", BinaryArrays.uuids(keys.stream().map(SeatKey::orgId).toList()))
                .bind("c", BinaryArrays.uuids(keys.stream().map(SeatKey::conversationId).toList()))
                .bind("m", BinaryArrays.uuids(keys.stream().map(SeatKey::memberId).toList()))
                .map(seat).list());
        return out;
    }

    @Override
    public List<UUID> addMembers(UUID orgId, UUID conversationId, Collection<UUID> memberIds, ChatRole role, long visibleAfter, Instant at) {
        if (memberIds.isEmpty()) return List.of();
        return db.with(h -> {
            List<UUID> added = h.createQuery("insert into conversation_members (conversation_id, member_id, org_id, role, visible_after, read_seq, joined_at) "
                            + "select :c, m, :org, :role, :va, :va, :at from unnest(cast(:ids as uuid[])) as m "
                            + "on conflict (conversation_id, member_id) do nothing returning member_id")
                    .bind("c", conversationId).bind("org", orgId).bind("role", role.wire()).bind("va", visibleAfter).bind("at", at)
                    .bindArray("ids", UUID.class, List.copyOf(memberIds)).mapTo(UUID.class).list();
            h.createUpdate("update conversations set member_count = member_count + :n where id = :c").bind("n", added.size()).bind("c", conversationId).execute();
            return added;
        });
    }

    @Override
    public void addMemberToEach(UUID orgId, List<UUID> conversationIds, List<UUID> memberIds, ChatRole role, long visibleAfter, Instant at) {
        if (conversationIds.isEmpty()) return;
        db.use(h -> h.createUpdate("with added as (insert into conversation_members (conversation_id, member_id, org_id, role, visible_after, read_seq, joined_at) "
                        + "select c, m, :org, :role, :va, :va, :at from unnest(cast(:cs as uuid[]), cast(:ms as uuid[])) as k(c, m) "
                        + "on conflict (conversation_id, member_id) do nothing returning conversation_id) "
                        + "update conversations v set member_count = member_count + n from (select conversation_id, count(*) as n from added group by 1) a "
                        + "where v.id = a.conversation_id")
                .bind("org", orgId).bind("role", role.wire()).bind("va", visibleAfter).bind("at", at)
                .bindArray("cs", UUID.class, conversationIds).bindArray("ms", UUID.class, memberIds).execute());
    }

    @Override
    public List<UUID> removeMembers(UUID conversationId, Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) return List.of();
        return db.with(h -> {
            List<UUID> removed = h.createQuery("delete from conversation_members where conversation_id = :c and member_id = any(cast(:ids as uuid[])) returning member_id")
                    .bind("c", conversationId).bindArray("ids", UUID.class, List.copyOf(memberIds)).mapTo(UUID.class).list();
            h.createUpdate("update conversations set member_count = member_count - :n where id = :c").bind("n", removed.size()).bind("c", conversationId).execute();
            return removed;
        });
    }

    @Override
    public void setRole(UUID conversationId, UUID memberId, ChatRole role) {
        db.use(h -> h.createUpdate("update conversation_members set role = :r where conversation_id = :c and member_id = :m")
                .bind("r", role.wire()).bind("c", conversationId).bind("m", memberId).execute());
    }

    @Override
    public void setMutedUntil(UUID conversationId, UUID memberId, Instant until) {
        db.use(h -> h.createUpdate("update conversation_members set muted_until = :u where conversation_id = :c and member_id = :m")
                .bind("u", until).bind("c", conversationId).bind("m", memberId).execute());
    }

    @Override
    public List<UUID> memberIds(UUID conversationId) {
        return db.with(h -> h.createQuery("select member_id from conversation_members where conversation_id = :c")
                .bind("c", conversationId).mapTo(UUID.class).list());
    }

    @Override
    public Map<UUID, List<UUID>> memberIds(Collection<UUID> conversationIds) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        if (conversationIds.isEmpty()) return out;
        if (conversationIds.size() == 1) { // plain parameter, cached plan: see seats
            UUID id = conversationIds.iterator().next();
            List<UUID> members = memberIds(id);
            if (!members.isEmpty()) out.put(id, members);
            return out;
        }
        db.use(h -> h.createQuery("select conversation_id, member_id from conversation_members where conversation_id = any(cast(:ids as uuid[]))")
                .bind("ids", BinaryArrays.uuids(conversationIds))
                .map((rs, ctx) -> out.computeIfAbsent(Rows.uuid(rs, "conversation_id"), k -> new java.util.ArrayList<>()).add(Rows.uuid(rs, "member_id")))
                .list());
        return out;
    }

    @Override
    public Page<Membership> members(UUID conversationId, PageRequest page) {
        List<Membership> rows = db.with(h -> h.createQuery("select " + MEMBER_COLUMNS + " from conversation_members cm where cm.conversation_id = :c "
                        + (page.isFirst() ? "" : "and cm.member_id > cast(:after as uuid) ") + "order by cm.member_id limit :n")
                .bind("c", conversationId).bind("after", page.afterId()).bind("n", page.limit() + 1).map(MEMBERSHIP).list());
        return Page.of(rows, page.limit(), m -> PageRequest.cursor("", m.memberId().toString()));
    }

    @Override
    public Page<ConversationSummary> listFor(UUID orgId, UUID memberId, PageRequest page) {
        String sql = "select " + COLUMNS + ", " + MEMBER_COLUMNS + ", "
                + "(select count(*) from (select 1 from messages u where u.conversation_id = c.id and u.seq > cm.read_seq and u.sender_id <> :me "
                + "   and u.kind in " + MESSAGE_KINDS + " and u.recalled_at is null limit " + ConversationSummary.UNREAD_CAP + ") x) as unread, "
                + "(select m.seq from messages m where m.conversation_id = c.id and m.seq > cm.visible_after and m.kind not in ('edit', 'reaction', 'recall') "
                + "   order by m.seq desc limit 1) as last_message_seq "
                + "from conversation_members cm join conversations c on c.id = cm.conversation_id "
                + "where cm.member_id = :me and c.org_id = :org and c.kind <> 'desk' "
                + (page.isFirst() ? "" : "and (c.last_entry_at, c.id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)) ")
                + "order by c.last_entry_at desc, c.id desc limit :n";
        List<ConversationSummary> rows = db.with(h -> h.createQuery(sql).bind("me", memberId).bind("org", orgId)
                .bind("afterAt", page.afterSort()).bind("afterId", page.afterId()).bind("n", page.limit() + 1)
                .map((rs, ctx) -> {
                    long last = rs.getLong("last_message_seq");
                    Entry lastEntry = rs.wasNull() ? null : new Entry(null, null, last, null, null, null, null, null, null, null, null, null);
                    return new ConversationSummary(CONVERSATION.map(rs, ctx), MEMBERSHIP.map(rs, ctx), rs.getInt("unread"), lastEntry);
                }).list());
        List<ConversationSummary> withLast = attachLastEntries(rows);
        return Page.of(withLast, page.limit(), s -> PageRequest.cursor(s.conversation().lastEntryAt().toString(), s.conversation().id().toString()));
    }

    /** The previews, in one query for the whole page. */
    private List<ConversationSummary> attachLastEntries(List<ConversationSummary> rows) {
        List<UUID> ids = rows.stream().filter(s -> s.lastEntry() != null).map(s -> s.conversation().id()).toList();
        if (ids.isEmpty()) return rows;
        List<Long> seqs = rows.stream().filter(s -> s.lastEntry() != null).map(s -> s.lastEntry().seq()).toList();
        Map<UUID, Entry> last = new HashMap<>();
        db.with(h -> h.createQuery("select " + PgMessageStore.COLUMNS + " from unnest(cast(:ids as uuid[]), cast(:seqs as bigint[])) as k(c, s) "
                        + "join messages m on m.conversation_id = k.c and m.seq = k.s")
                .bindArray("ids", UUID.class, ids).bindArray("seqs", Long.class, seqs).map(PgMessageStore.ENTRY).list())
                .forEach(e -> last.put(e.conversationId(), e));
        return rows.stream().map(s -> new ConversationSummary(s.conversation(), s.me(), s.unread(), last.get(s.conversation().id()))).toList();
    }

    @Override
    public long markRead(UUID conversationId, UUID memberId, long seq) {
        return db.with(h -> h.createQuery("update conversation_members set read_seq = greatest(read_seq, :s) where conversation_id = :c and member_id = :m returning read_seq")
                .bind("s", seq).bind("c", conversationId).bind("m", memberId).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public ReceiptCounts receiptCounts(UUID conversationId, long seq) {
        return db.with(h -> h.createQuery("select count(*) filter (where read_seq >= :s) as r, count(*) filter (where read_seq < :s) as u "
                        + "from conversation_members where conversation_id = :c and visible_after < :s")
                .bind("s", seq).bind("c", conversationId).map((rs, ctx) -> new ReceiptCounts(rs.getLong("r"), rs.getLong("u"))).one());
    }

    @Override
    public Page<UUID> receiptMembers(UUID conversationId, long seq, boolean read, PageRequest page) {
        List<UUID> rows = db.with(h -> h.createQuery("select member_id from conversation_members where conversation_id = :c and visible_after < :s and "
                        + (read ? "read_seq >= :s " : "read_seq < :s ") + (page.isFirst() ? "" : "and member_id > cast(:after as uuid) ")
                        + "order by member_id limit :n")
                .bind("c", conversationId).bind("s", seq).bind("after", page.afterId()).bind("n", page.limit() + 1).mapTo(UUID.class).list());
        return Page.of(rows, page.limit(), id -> PageRequest.cursor("", id.toString()));
    }

    @Override
    public List<UUID> activeMembersAmong(UUID orgId, Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) return List.of();
        return db.with(h -> h.createQuery("select id from members where org_id = :org and status = 'active' and id = any(cast(:ids as uuid[]))")
                .bind("org", orgId).bindArray("ids", UUID.class, List.copyOf(memberIds)).mapTo(UUID.class).list());
    }

    @Override
    public List<Conversation> removeFromAll(UUID orgId, UUID memberId) {
        return db.with(h -> h.createQuery("""
                        with gone as (
                            delete from conversation_members cm using conversations c
                            where cm.conversation_id = c.id and c.org_id = :org and cm.member_id = :m returning cm.conversation_id
                        )
                        update conversations c set member_count = c.member_count - 1 from gone where c.id = gone.conversation_id
                        returning\s""" + COLUMNS)
                .bind("org", orgId).bind("m", memberId).map(CONVERSATION).list());
    }

    @Override
    public List<UUID> groupsOwnedBy(UUID orgId, UUID memberId) {
        return db.with(h -> h.createQuery("select cm.conversation_id from conversation_members cm join conversations c on c.id = cm.conversation_id "
                        + "where cm.member_id = :m and c.org_id = :org and cm.role = 'owner' and c.dissolved_at is null order by cm.conversation_id")
                .bind("m", memberId).bind("org", orgId).mapTo(UUID.class).list());
    }

    @Override
    public List<DirectoryChange> syncDirectoryGroups(UUID orgId, Collection<UUID> memberIds, Instant at) {
        List<UUID> ids = List.copyOf(memberIds);
        Map<UUID, List<UUID>> added = new HashMap<>();
        Map<UUID, List<UUID>> removed = new HashMap<>();
        db.use(h -> {
            h.createQuery("""
                            with wanted as (
                                select c.id as conv, m.id as member, c.last_seq from members m
                                join member_departments md on md.member_id = m.id
                                join conversations c on c.kind = 'department' and c.department_id = md.department_id and c.dissolved_at is null
                                where m.id = any(cast(:ids as uuid[])) and m.org_id = :org and m.status = 'active'
                                union
                                select c.id, m.id, c.last_seq from members m
                                join conversations c on c.kind = 'all_staff' and c.org_id = :org and c.dissolved_at is null
                                where m.id = any(cast(:ids as uuid[])) and m.org_id = :org and m.status = 'active'
                            )
                            insert into conversation_members (conversation_id, member_id, org_id, role, visible_after, read_seq, joined_at)
                            select conv, member, :org, 'member', last_seq, last_seq, :at from wanted
                            on conflict do nothing returning conversation_id, member_id""")
                    .bindArray("ids", UUID.class, ids).bind("org", orgId).bind("at", at)
                    .map((rs, ctx) -> added.computeIfAbsent(Rows.uuid(rs, "conversation_id"), k -> new java.util.ArrayList<>()).add(Rows.uuid(rs, "member_id")))
                    .list();
            h.createQuery("""
                            delete from conversation_members cm using conversations c
                            where cm.conversation_id = c.id and c.kind = 'department' and c.org_id = :org and c.department_id is not null
                              and cm.member_id = any(cast(:ids as uuid[]))
                              and not exists (select 1 from member_departments md where md.member_id = cm.member_id and md.department_id = c.department_id)
                            returning cm.conversation_id, cm.member_id""")
                    .bindArray("ids", UUID.class, ids).bind("org", orgId)
                    .map((rs, ctx) -> removed.computeIfAbsent(Rows.uuid(rs, "conversation_id"), k -> new java.util.ArrayList<>()).add(Rows.uuid(rs, "member_id")))
                    .list();
            java.util.Set<UUID> touched = new java.util.HashSet<>(added.keySet());
            touched.addAll(removed.keySet());
            if (!touched.isEmpty()) {
                h.createUpdate("update conversations c set member_count = (select count(*) from conversation_members cm where cm.conversation_id = c.id) "
                        + "where c.id = any(cast(:ids as uuid[]))").bindArray("ids", UUID.class, List.copyOf(touched)).execute();
            }
        });
        java.util.Set<UUID> touched = new java.util.TreeSet<>(added.keySet());
        touched.addAll(removed.keySet());
        return touched.stream().map(c -> new DirectoryChange(c, added.getOrDefault(c, List.of()), removed.getOrDefault(c, List.of()))).toList();
    }

    @Override
    public List<UUID> departmentMembers(UUID orgId, UUID departmentId) {
        return db.with(h -> h.createQuery("select m.id from member_departments md join members m on m.id = md.member_id "
                        + "where md.department_id = :d and md.org_id = :org and m.status = 'active'")
                .bind("d", departmentId).bind("org", orgId).mapTo(UUID.class).list());
    }

    @Override
    public Optional<String> departmentName(UUID orgId, UUID departmentId) {
        return db.with(h -> h.createQuery("select name from departments where id = :d and org_id = :org")
                .bind("d", departmentId).bind("org", orgId).mapTo(String.class).findOne());
    }

    @Override
    public List<UUID> activeMembers(UUID orgId) {
        return db.with(h -> h.createQuery("select id from members where org_id = :org and status = 'active'").bind("org", orgId).mapTo(UUID.class).list());
    }

    @Override
    public void recordFile(org.queqiao.messaging.ChatFile f) {
        db.use(h -> h.createUpdate("insert into conversation_files (conversation_id, sha256, name, content_type, size, uploaded_by, created_at) "
                        + "values (:c, :sha, :name, :type, :size, :by, :at) on conflict do nothing")
                .bind("c", f.conversationId()).bind("sha", f.sha256()).bind("name", f.name()).bind("type", f.contentType()).bind("size", f.size())
                .bind("by", f.uploadedBy()).bind("at", f.createdAt()).execute());
    }

    @Override
    public Optional<org.queqiao.messaging.ChatFile> findFile(UUID conversationId, String sha256) {
        return db.with(h -> h.createQuery("select * from conversation_files where conversation_id = :c and sha256 = :sha")
                .bind("c", conversationId).bind("sha", sha256)
                .map((rs, ctx) -> new org.queqiao.messaging.ChatFile(Rows.uuid(rs, "conversation_id"), rs.getString("sha256"), rs.getString("name"),
                        rs.getString("content_type"), rs.getLong("size"), Rows.uuid(rs, "uploaded_by"), Rows.instant(rs, "created_at")))
                .findOne());
    }

    @Override
    public Map<UUID, Position> positions(UUID orgId, UUID memberId) {
        Map<UUID, Position> out = new HashMap<>();
        db.use(h -> h.createQuery("select c.id, c.kind, c.last_seq, cm.read_seq from conversation_members cm join conversations c on c.id = cm.conversation_id "
                        + "where cm.member_id = :m and c.org_id = :org and c.kind <> 'desk'")
                .bind("m", memberId).bind("org", orgId)
                .map((rs, ctx) -> out.put(Rows.uuid(rs, "id"), new Position(ConversationKind.fromWire(rs.getString("kind")), rs.getLong("last_seq"), rs.getLong("read_seq"))))
                .list());
        return out;
    }
}
