package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.messaging.notice.NoticeStore;
import org.queqiao.messaging.notice.UrgentNotice;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Urgent notices (V3 migration). */
public final class PgNoticeStore implements NoticeStore {
    private static final String COLUMNS = "n.id, n.org_id, n.sender_id, n.text, n.recipient_count, n.confirmed_count, n.created_at, n.last_notified_at";
    private static final RowMapper<UrgentNotice> NOTICE = (rs, ctx) -> new UrgentNotice(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            Rows.uuid(rs, "sender_id"), rs.getString("text"), rs.getInt("recipient_count"), rs.getInt("confirmed_count"),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "last_notified_at"));

    private final Db db;

    public PgNoticeStore(Db db) {
        this.db = db;
    }

    @Override
    public List<UUID> resolveRecipients(UUID orgId, Collection<UUID> memberIds, Collection<UUID> departmentIds, UUID exclude, int limit) {
        String sql = """
                with recursive depts as (
                    select id from departments where org_id = :org and id = any(cast(:depts as uuid[]))
                    union
                    select d.id from departments d join depts on d.parent_id = depts.id
                ), wanted as (
                    select unnest(cast(:members as uuid[])) as id
                    union
                    select md.member_id from member_departments md where md.department_id in (select id from depts)
                )
                select m.id from wanted w join members m on m.id = w.id
                where m.org_id = :org and m.status = 'active' and m.id <> :exclude
                order by m.id limit :n""";
        return db.with(h -> h.createQuery(sql).bind("org", orgId).bindArray("depts", UUID.class, List.copyOf(departmentIds))
                .bindArray("members", UUID.class, List.copyOf(memberIds)).bind("exclude", exclude).bind("n", limit + 1)
                .mapTo(UUID.class).list());
    }

    @Override
    public void insert(UrgentNotice n, List<UUID> recipients) {
        db.use(h -> {
            h.createUpdate("insert into urgent_notices (id, org_id, sender_id, text, recipient_count, confirmed_count, created_at, last_notified_at) "
                            + "values (:id, :org, :sender, :text, :count, 0, :at, :at)")
                    .bind("id", n.id()).bind("org", n.orgId()).bind("sender", n.senderId()).bind("text", n.text())
                    .bind("count", n.recipientCount()).bind("at", n.createdAt()).execute();
            h.createUpdate("insert into urgent_notice_recipients (notice_id, member_id) select :id, unnest(cast(:ids as uuid[]))")
                    .bind("id", n.id()).bindArray("ids", UUID.class, recipients).execute();
        });
    }

    @Override
    public Optional<UrgentNotice> find(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from urgent_notices n where n.org_id = :org and n.id = :id")
                .bind("org", orgId).bind("id", id).map(NOTICE).findOne());
    }

    @Override
    public boolean isRecipient(UUID noticeId, UUID memberId) {
        return db.with(h -> h.createQuery("select exists (select 1 from urgent_notice_recipients where notice_id = :n and member_id = :m)")
                .bind("n", noticeId).bind("m", memberId).mapTo(Boolean.class).one());
    }

    @Override
    public Optional<Integer> confirm(UUID noticeId, UUID memberId, Instant at) {
        return db.with(h -> h.createQuery("""
                        with c as (
                            update urgent_notice_recipients set confirmed_at = :at
                            where notice_id = :n and member_id = :m and confirmed_at is null returning 1
                        )
                        update urgent_notices set confirmed_count = confirmed_count + (select count(*) from c)
                        where id = :n and exists (select 1 from c) returning confirmed_count""")
                .bind("at", at).bind("n", noticeId).bind("m", memberId).mapTo(Integer.class).findOne());
    }

    @Override
    public Page<UUID> recipients(UUID noticeId, boolean confirmed, PageRequest page) {
        List<UUID> rows = db.with(h -> h.createQuery("select member_id from urgent_notice_recipients where notice_id = :n and confirmed_at is "
                        + (confirmed ? "not null " : "null ") + (page.isFirst() ? "" : "and member_id > cast(:after as uuid) ") + "order by member_id limit :lim")
                .bind("n", noticeId).bind("after", page.afterId()).bind("lim", page.limit() + 1).mapTo(UUID.class).list());
        return Page.of(rows, page.limit(), id -> PageRequest.cursor("", id.toString()));
    }

    @Override
    public List<UrgentNotice> pendingFor(UUID orgId, UUID memberId, int limit) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from urgent_notice_recipients r join urgent_notices n on n.id = r.notice_id "
                        + "where r.member_id = :m and r.confirmed_at is null and n.org_id = :org order by n.created_at, n.id limit :lim")
                .bind("m", memberId).bind("org", orgId).bind("lim", limit).map(NOTICE).list());
    }

    @Override
    public Page<UrgentNotice> sentBy(UUID orgId, UUID senderId, PageRequest page) {
        List<UrgentNotice> rows = db.with(h -> h.createQuery("select " + COLUMNS + " from urgent_notices n where n.org_id = :org and n.sender_id = :s "
                        + (page.isFirst() ? "" : "and (n.created_at, n.id) < (cast(:at as timestamptz), cast(:after as uuid)) ")
                        + "order by n.created_at desc, n.id desc limit :lim")
                .bind("org", orgId).bind("s", senderId).bind("at", page.afterSort()).bind("after", page.afterId()).bind("lim", page.limit() + 1)
                .map(NOTICE).list());
        return Page.of(rows, page.limit(), n -> PageRequest.cursor(n.createdAt().toString(), n.id().toString()));
    }

    @Override
    public List<UUID> unconfirmed(UUID noticeId) {
        return db.with(h -> h.createQuery("select r.member_id from urgent_notice_recipients r join members m on m.id = r.member_id "
                        + "where r.notice_id = :n and r.confirmed_at is null and m.status = 'active'")
                .bind("n", noticeId).mapTo(UUID.class).list());
    }

    @Override
    public boolean touchNotified(UUID noticeId, Instant previous, Instant at) {
        return db.with(h -> h.createUpdate("update urgent_notices set last_notified_at = :at where id = :n and last_notified_at = :prev")
                .bind("at", at).bind("n", noticeId).bind("prev", previous).execute()) == 1;
    }
}
