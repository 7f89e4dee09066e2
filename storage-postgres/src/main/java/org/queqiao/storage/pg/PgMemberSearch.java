package org.queqiao.storage.pg;

import org.jdbi.v3.core.statement.Query;
import org.queqiao.directory.Member;
import org.queqiao.directory.MemberQuery;
import org.queqiao.directory.SearchKeys;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/**
 * Directory listing and search, in name order with cursor paging (ADR 0005).
 * <ul>
 *   <li>no text: the (org, sort_name, id) index in order;</li>
 *   <li>one character: names starting with it, a range of that same index;</li>
 *   <li>two or more: members holding every character pair of the query (GIN) whose text contains it.
 *   Which plan is cheap depends on how many members match: for a common fragment ("li", "wang")
 *   walking the members in name order finds a page almost at once, for a rare one the GIN bitmap
 *   does. PostgreSQL's estimates for array containment are too rough to choose, so we walk a bounded
 *   number of members first — an index-only scan, the sort index includes the searched text — and fall
 *   back to the bitmap only when that did not fill the page.</li>
 * </ul>
 */
final class PgMemberSearch {
    /** Members walked in name order before switching to the index of pairs (~2 ms of index-only scan). */
    static final int WALK_BUDGET = 5000;

    private final Db db;

    PgMemberSearch(Db db) {
        this.db = db;
    }

    Page<Member> search(MemberQuery q) {
        PageRequest page = q.page();
        UUID afterId = page.isFirst() ? null : Ids.parseOrNull(page.afterId());
        if (!page.isFirst() && afterId == null) throw ProblemException.invalid("cursor", "invalid_cursor", "cursor is not one this server issued");
        String text = q.text() == null ? null : SearchKeys.normalise(q.text());
        String filters = filters(q, afterId);
        List<Member> rows;
        if (text == null) {
            rows = run(q, afterId, "select " + PgMemberStore.COLUMNS + " from members m where " + filters + " order by m.sort_name, m.id limit :limit");
        } else if (SearchKeys.isPrefixQuery(text)) {
            rows = run(q, afterId, "select " + PgMemberStore.COLUMNS + " from members m where " + filters
                    + " and m.sort_name >= :lo and m.sort_name < :hi order by m.sort_name, m.id limit :limit");
        } else {
            String matches = " and m.search_keys @> cast(:keys as text[]) and strpos(m.search_text, :q) > 0";
            rows = run(q, afterId, "select " + PgMemberStore.COLUMNS + " from members m where m.id in (select w.id from "
                    + "(select m.id, m.sort_name, m.search_text from members m where " + filters + " order by m.sort_name, m.id limit " + WALK_BUDGET
                    + ") w where strpos(w.search_text, :q) > 0 order by w.sort_name, w.id limit :limit) order by m.sort_name, m.id");
            if (rows.size() <= page.limit()) {
                // "|| ''" keeps the order but keeps the planner off the name index: the bitmap's cost is bounded by the matches
                rows = run(q, afterId, "select " + PgMemberStore.COLUMNS + " from members m where " + filters + matches
                        + " order by m.sort_name || '', m.id limit :limit");
            }
        }
        return Page.of(rows, page.limit(), m -> PageRequest.cursor(PgMemberStore.sortName(m.name()), m.id().toString()));
    }

    private static String filters(MemberQuery q, UUID afterId) {
        StringBuilder f = new StringBuilder("m.org_id = :org");
        if (q.status() != null) f.append(" and m.status = :status");
        if (q.departmentId() != null) {
            f.append(" and exists (select 1 from member_departments md where md.member_id = m.id and md.department_id = :dept)");
        }
        if (afterId != null) f.append(" and (m.sort_name, m.id) > (:afterSort, :afterId)");
        return f.toString();
    }

    private List<Member> run(MemberQuery q, UUID afterId, String sql) {
        return db.with(h -> {
            Query query = h.createQuery(sql).bind("org", q.orgId()).bind("limit", q.page().limit() + 1);
            if (q.status() != null) query.bind("status", q.status().wire());
            if (q.departmentId() != null) query.bind("dept", q.departmentId());
            if (afterId != null) query.bind("afterSort", q.page().afterSort()).bind("afterId", afterId);
            if (sql.contains(":lo")) query.bind("lo", SearchKeys.normalise(q.text())).bind("hi", SearchKeys.prefixUpperBound(q.text()));
            if (sql.contains(":keys")) query.bindArray("keys", String.class, SearchKeys.queryKeys(q.text()));
            if (sql.contains(":q")) query.bind("q", SearchKeys.normalise(q.text()));
            return query.map(PgMemberStore.MEMBER).list();
        });
    }
}
