package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.queqiao.directory.Member;
import org.queqiao.directory.MemberQuery;
import org.queqiao.directory.MemberStatus;
import org.queqiao.directory.SearchKeys;
import org.queqiao.directory.store.MemberStore;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.page.Page;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public final class PgMemberStore implements MemberStore {
    static final String COLUMNS = "m.id, m.org_id, m.name, m.email, m.phone, m.title, m.avatar_url, m.role, m.status, m.created_at, m.sort_name, "
            + "array(select department_id from member_departments md where md.member_id = m.id) as dept_ids";
    static final RowMapper<Member> MEMBER = (rs, ctx) -> new Member(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"), rs.getString("name"),
            rs.getString("email"), rs.getString("phone"), rs.getString("title"), rs.getString("avatar_url"),
            Role.fromWire(rs.getString("role")), MemberStatus.fromWire(rs.getString("status")), Rows.uuids(rs, "dept_ids"),
            Rows.instant(rs, "created_at"));
    private static final String INSERT = "insert into members (id, org_id, email, name, phone, title, avatar_url, role, status, created_at, sort_name, search_keys, search_text) "
            + "values (:id, :org, :email, :name, :phone, :title, :avatar, :role, :status, :at, :sort, :keys, :text)";

    private final Db db;
    private final PgMemberSearch search;

    public PgMemberStore(Db db) {
        this.db = db;
        this.search = new PgMemberSearch(db);
    }

    @Override
    public void insert(Member m) {
        insertAll(List.of(m));
    }

    @Override
    public void insertAll(List<Member> members) {
        if (members.isEmpty()) return;
        // Rows written in name order land on neighbouring pages: a search matching a surname (a run of
        // the name order) then reads a few hundred pages instead of one page per match.
        List<Member> ordered = members.stream().sorted(java.util.Comparator.comparing((Member m) -> sortName(m.name())).thenComparing(Member::id)).toList();
        db.use(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT);
            for (Member m : ordered) bindRow(batch, m).add();
            batch.execute();
            PreparedBatch links = h.prepareBatch("insert into member_departments (member_id, department_id, org_id) values (:m, :d, :o)");
            int n = 0;
            for (Member m : members) {
                for (UUID d : m.departmentIds()) {
                    links.bind("m", m.id()).bind("d", d).bind("o", m.orgId()).add();
                    n++;
                }
            }
            if (n > 0) links.execute();
        });
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindRow(T stmt, Member m) {
        return stmt.bind("id", m.id()).bind("org", m.orgId()).bind("email", m.email()).bind("name", m.name())
                .bind("phone", m.phone()).bind("title", m.title()).bind("avatar", m.avatarUrl()).bind("role", m.role().wire())
                .bind("status", m.status().wire()).bind("at", m.createdAt()).bind("sort", sortName(m.name()))
                .bindArray("keys", String.class, SearchKeys.keys(m)).bind("text", SearchKeys.text(m));
    }

    @Override
    public Optional<Member> find(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from members m where m.org_id = :org and m.id = :id")
                .bind("org", orgId).bind("id", id).map(MEMBER).findOne());
    }

    @Override
    public Optional<Member> findActiveByEmail(String email) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from members m where lower(m.email) = lower(:email) and m.status = 'active'")
                .bind("email", email).map(MEMBER).findOne());
    }

    @Override
    public List<String> activeEmailsAmong(Collection<String> emails) {
        if (emails.isEmpty()) return List.of();
        return db.with(h -> h.createQuery("select lower(email) from members where status = 'active' and lower(email) = any(:emails)")
                .bindArray("emails", String.class, emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList())
                .mapTo(String.class).list());
    }

    @Override
    public void update(Member m) {
        db.use(h -> {
            h.createUpdate("update members set email = :email, name = :name, phone = :phone, title = :title, avatar_url = :avatar, "
                    + "role = :role, sort_name = :sort, search_keys = :keys, search_text = :text where org_id = :org and id = :id")
                    .bind("id", m.id()).bind("org", m.orgId()).bind("email", m.email()).bind("name", m.name()).bind("phone", m.phone())
                    .bind("title", m.title()).bind("avatar", m.avatarUrl()).bind("role", m.role().wire()).bind("sort", sortName(m.name()))
                    .bindArray("keys", String.class, SearchKeys.keys(m)).bind("text", SearchKeys.text(m)).execute();
            h.createUpdate("delete from member_departments where member_id = :m").bind("m", m.id()).execute();
            for (UUID d : m.departmentIds()) {
                h.createUpdate("insert into member_departments (member_id, department_id, org_id) values (:m, :d, :o)")
                        .bind("m", m.id()).bind("d", d).bind("o", m.orgId()).execute();
            }
        });
    }

    @Override
    public void deactivate(UUID orgId, UUID id, Instant at) {
        db.use(h -> {
            h.createUpdate("update members set status = 'deactivated', deactivated_at = :at where org_id = :org and id = :id")
                    .bind("org", orgId).bind("id", id).bind("at", at).execute();
            // leaving every department: the tree shows only people who are still here
            h.createUpdate("delete from member_departments where member_id = :id").bind("id", id).execute();
        });
    }

    @Override
    public long countActive(UUID orgId) {
        return db.with(h -> h.createQuery("select count(*) from members where org_id = :org and status = 'active'")
                .bind("org", orgId).mapTo(Long.class).one());
    }

    @Override
    public Page<Member> search(MemberQuery q) {
        return search.search(q);
    }

    /**
     * A bulk import changes the key statistics the planner relies on, and new rows are not yet marked
     * all-visible, so the name-order walk of a search would read the table instead of the index only.
     * Autovacuum would fix both within minutes; we do it now, in the background, so searching a freshly
     * onboarded school is fast at once.
     */
    @Override
    public void refreshAfterBulkLoad() {
        Thread.ofVirtual().name("members-vacuum").start(() -> {
            try {
                db.jdbi().useHandle(h -> h.execute("vacuum (analyze) members"));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PgMemberStore.class).warn("vacuum after bulk load failed; autovacuum will catch up", e);
            }
        });
    }

    static String sortName(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

}
