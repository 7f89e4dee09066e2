package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.desk.store.FaqStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The desk's knowledge base, unanswered questions and answer ratings (V9 migration). */
public final class PgFaqStore implements FaqStore {
    private static final RowMapper<Faq> FAQ = (rs, ctx) -> new Faq(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"), rs.getString("question"),
            PgDeskConversationStore.strings(rs, "alternatives"), rs.getString("answer"), rs.getString("category"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"));

    private final Db db;

    public PgFaqStore(Db db) {
        this.db = db;
    }

    @Override
    public List<Faq> all(UUID orgId) {
        return db.with(h -> h.createQuery("select * from desk_faqs where org_id = :org order by created_at, id").bind("org", orgId).map(FAQ).list());
    }

    @Override
    public Optional<Faq> find(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery("select * from desk_faqs where org_id = :org and id = :id").bind("org", orgId).bind("id", id).map(FAQ).findOne());
    }

    @Override
    public boolean insert(Faq f) {
        return db.with(h -> h.createUpdate("insert into desk_faqs (id, org_id, question, alternatives, answer, category, created_at, updated_at) "
                        + "values (:id, :org, :q, cast(:alt as text[]), :a, :cat, :at, :up) on conflict do nothing")
                .bind("id", f.id()).bind("org", f.orgId()).bind("q", f.question()).bindArray("alt", String.class, f.alternatives())
                .bind("a", f.answer()).bind("cat", f.category()).bind("at", f.createdAt()).bind("up", f.updatedAt()).execute()) == 1;
    }

    @Override
    public boolean update(Faq f) {
        if (db.with(h -> h.createQuery("select count(*) from desk_faqs where org_id = :org and lower(question) = lower(:q) and id <> :id")
                .bind("org", f.orgId()).bind("q", f.question()).bind("id", f.id()).mapTo(Integer.class).one()) > 0) return false;
        return db.with(h -> h.createUpdate("update desk_faqs set question = :q, alternatives = cast(:alt as text[]), answer = :a, category = :cat, "
                        + "updated_at = :up where org_id = :org and id = :id")
                .bind("id", f.id()).bind("org", f.orgId()).bind("q", f.question()).bindArray("alt", String.class, f.alternatives())
                .bind("a", f.answer()).bind("cat", f.category()).bind("up", f.updatedAt()).execute()) == 1;
    }

    @Override
    public boolean delete(UUID orgId, UUID id) {
        return db.with(h -> h.createUpdate("delete from desk_faqs where org_id = :org and id = :id").bind("org", orgId).bind("id", id).execute()) == 1;
    }

    @Override
    public void countUnanswered(UUID orgId, String normalized, String question, Instant at) {
        db.use(h -> h.createUpdate("insert into desk_unanswered (org_id, normalized, question, times, first_at, last_at) values (:org, :n, :q, 1, :at, :at) "
                        + "on conflict (org_id, normalized) do update set times = desk_unanswered.times + 1, question = excluded.question, last_at = excluded.last_at")
                .bind("org", orgId).bind("n", normalized).bind("q", question).bind("at", at).execute());
    }

    @Override
    public List<Unanswered> unanswered(UUID orgId, int limit) {
        return db.with(h -> h.createQuery("select * from desk_unanswered where org_id = :org order by times desc, last_at desc limit :n")
                .bind("org", orgId).bind("n", limit)
                .map((rs, ctx) -> new Unanswered(rs.getString("normalized"), rs.getString("question"), rs.getInt("times"), Rows.instant(rs, "first_at"),
                        Rows.instant(rs, "last_at"))).list());
    }

    @Override
    public void dismissUnanswered(UUID orgId, String normalized) {
        db.use(h -> h.createUpdate("delete from desk_unanswered where org_id = :org and normalized = :n").bind("org", orgId).bind("n", normalized).execute());
    }

    @Override
    public boolean rate(UUID orgId, UUID conversationId, long seq, UUID faqId, boolean helpful, Instant at) {
        return db.with(h -> h.createUpdate("insert into desk_answer_ratings (conversation_id, seq, org_id, faq_id, helpful, rated_at) "
                        + "values (:c, :s, :org, :f, :h, :at) on conflict do nothing")
                .bind("c", conversationId).bind("s", seq).bind("org", orgId).bind("f", faqId).bind("h", helpful).bind("at", at).execute()) == 1;
    }
}
