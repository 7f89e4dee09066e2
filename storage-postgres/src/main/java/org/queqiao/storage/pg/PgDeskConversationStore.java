package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.desk.ConversationState;
import org.queqiao.desk.DeskConversation;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Desk conversations' desk state (V9 migration). Each state change names the state it expects, in a form that
 * keeps the primary key the way to the row ({@link DeskStateGuard}).
 */
public final class PgDeskConversationStore implements DeskConversationStore {
    static final RowMapper<DeskConversation> ROW = (rs, ctx) -> new DeskConversation(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            Rows.uuid(rs, "channel_id"), Rows.uuid(rs, "visitor_id"), Rows.uuid(rs, "group_id"), ConversationState.fromWire(rs.getString("state")),
            rs.getInt("priority"), Rows.instant(rs, "opened_at"), Rows.instant(rs, "queued_at"), rs.getString("handoff_reason"),
            Rows.uuid(rs, "offered_to"), Rows.instant(rs, "offer_expires_at"), Rows.uuids(rs, "excluded_agents"), Rows.uuid(rs, "agent_id"),
            Rows.instant(rs, "assigned_at"), Rows.instant(rs, "first_response_at"), rs.getInt("bot_answers"), rs.getInt("bot_fallbacks"),
            rs.getInt("transfers"), Rows.instant(rs, "closed_at"), Rows.uuid(rs, "closed_by"), strings(rs, "tags"),
            (Integer) rs.getObject("csat_score"), rs.getString("csat_comment"));

    private static final AdvisoryLock QUEUE_ORDER = new AdvisoryLock(0x0DE5D);

    private final Db db;

    public PgDeskConversationStore(Db db) {
        this.db = db;
    }

    static List<String> strings(ResultSet rs, String col) throws SQLException {
        Array a = rs.getArray(col);
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String.class::cast).toList();
    }

    @Override
    public void insert(DeskConversation c) {
        db.use(h -> h.createUpdate("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, priority, opened_at) "
                        + "values (:id, :org, :ch, :v, :g, :s, :p, :at)")
                .bind("id", c.id()).bind("org", c.orgId()).bind("ch", c.channelId()).bind("v", c.visitorId()).bind("g", c.groupId())
                .bind("s", c.state().wire()).bind("p", c.priority()).bind("at", c.openedAt()).execute());
    }

    @Override
    public Optional<DeskConversation> find(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery("select * from desk_conversations where id = :id and org_id = :org").bind("id", id).bind("org", orgId)
                .map(ROW).findOne());
    }

    @Override
    public Optional<DeskConversation> lock(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery("select * from desk_conversations where id = :id and org_id = :org for update").bind("id", id)
                .bind("org", orgId).map(ROW).findOne());
    }

    /**
     * Run for every entry of a desk conversation's log (who to tell). By the ids' primary key only: asked as
     * {@code org_id = :org and id = any(:ids)}, the generic plan pgjdbc's prepared statement settles on read every
     * conversation of the organisation through the (org_id, closed_at) index and filtered on the ids (seen in
     * bench/desk-load.sh: 2.2 ms and 143 buffers a call with 10,000 open, growing with every conversation ever
     * held). {@code is not distinct from} (org_id is never null) is the same test, and no index answers it.
     */
    static final String VISITORS_OF = "select id, visitor_id from desk_conversations where id = any(cast(:ids as uuid[])) "
            + "and org_id is not distinct from :org";

    @Override
    public java.util.Map<UUID, UUID> visitorsOf(UUID orgId, java.util.Collection<UUID> ids) {
        java.util.Map<UUID, UUID> out = new java.util.HashMap<>();
        db.use(h -> h.createQuery(VISITORS_OF)
                .bind("org", orgId).bindArray("ids", UUID.class, List.copyOf(ids))
                .map((rs, ctx) -> out.put(Rows.uuid(rs, "id"), Rows.uuid(rs, "visitor_id"))).list());
        return out;
    }

    @Override
    public Optional<DeskConversation> openFor(UUID orgId, UUID visitorId) {
        return db.with(h -> h.createQuery("select * from desk_conversations where visitor_id = :v and org_id = :org "
                + "and state in ('bot', 'queued', 'offered', 'assigned')").bind("v", visitorId).bind("org", orgId).map(ROW).findOne());
    }

    @Override
    public void holdQueueOrder(UUID orgId) {
        QUEUE_ORDER.holdUntilCommit(db, orgId);
    }

    @Override
    public boolean enqueue(UUID id, String reason, int priority, Instant at) {
        return update("update desk_conversations set state = 'queued', queued_at = :at, handoff_reason = :r, priority = :p "
                + "where id = :id and " + DeskStateGuard.is("bot"), u -> u.bind("id", id).bind("at", at).bind("r", reason).bind("p", priority));
    }

    @Override
    public boolean accept(UUID id, UUID agentId, Instant at) {
        return update("update desk_conversations set state = 'assigned', agent_id = :a, assigned_at = coalesce(assigned_at, :at), "
                + "offered_to = null, offer_expires_at = null where id = :id and " + DeskStateGuard.is("offered") + " and offered_to = :a",
                u -> u.bind("id", id).bind("a", agentId).bind("at", at));
    }

    @Override
    public boolean requeue(UUID id, UUID excludeAgent, ConversationState from) {
        return update("update desk_conversations set state = 'queued', offered_to = null, offer_expires_at = null, agent_id = null, "
                + "excluded_agents = array_append(array_remove(excluded_agents, :a), :a) where id = :id and " + DeskStateGuard.isBound("from"),
                u -> u.bind("id", id).bind("a", excludeAgent).bind("from", from.wire()));
    }

    @Override
    public boolean moveToGroup(UUID id, UUID groupId, Instant at) {
        return update("update desk_conversations set state = 'queued', group_id = :g, queued_at = :at, agent_id = null, excluded_agents = '{}', "
                + "transfers = transfers + 1 where id = :id and " + DeskStateGuard.is("assigned"), u -> u.bind("id", id).bind("g", groupId).bind("at", at));
    }

    @Override
    public boolean reassign(UUID id, UUID fromAgent, UUID toAgent, Instant at) {
        return update("update desk_conversations set agent_id = :to, transfers = transfers + 1 where id = :id and " + DeskStateGuard.is("assigned")
                        + " and agent_id = :from",
                u -> u.bind("id", id).bind("from", fromAgent).bind("to", toAgent));
    }

    @Override
    public boolean close(UUID id, UUID by, List<String> tags, Instant at) {
        return update("update desk_conversations set state = 'closed', closed_at = :at, closed_by = :by, tags = cast(:tags as text[]), "
                + "offered_to = null, offer_expires_at = null where id = :id and " + DeskStateGuard.OPEN,
                u -> u.bind("id", id).bind("at", at).bind("by", by).bindArray("tags", String.class, tags));
    }

    @Override
    public boolean miss(UUID id, Instant at) {
        return update("update desk_conversations set state = 'missed', closed_at = :at where id = :id and " + DeskStateGuard.is("queued"),
                u -> u.bind("id", id).bind("at", at));
    }

    @Override
    public int botReplied(UUID id, boolean fallback) {
        String set = fallback ? "bot_fallbacks = bot_fallbacks + 1, bot_fallback_streak = bot_fallback_streak + 1"
                : "bot_answers = bot_answers + 1, bot_fallback_streak = 0";
        return db.with(h -> h.createQuery("update desk_conversations set " + set + " where id = :id returning bot_fallback_streak")
                .bind("id", id).mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public int fallbackStreak(UUID id) {
        return db.with(h -> h.createQuery("select bot_fallback_streak from desk_conversations where id = :id").bind("id", id)
                .mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public void visitorSpoke(UUID id, Instant at) {
        update("update desk_conversations set awaiting_since = :at where id = :id and awaiting_since is null and " + DeskStateGuard.is("assigned"),
                u -> u.bind("id", id).bind("at", at));
    }

    @Override
    public void agentSpoke(UUID id, Instant at) {
        update("update desk_conversations set first_response_at = coalesce(first_response_at, :at), "
                + "responses = responses + case when awaiting_since is null then 0 else 1 end, "
                + "response_ms_total = response_ms_total + coalesce((extract(epoch from (cast(:at as timestamptz) - awaiting_since)) * 1000)::bigint, 0), "
                + "awaiting_since = null where id = :id and " + DeskStateGuard.is("assigned"), u -> u.bind("id", id).bind("at", at));
    }

    @Override
    public void recordResponseTimes(UUID id, Instant firstResponseAt, int responses, long responseMsTotal) {
        update("update desk_conversations set first_response_at = :f, responses = :n, response_ms_total = :ms, awaiting_since = null where id = :id",
                u -> u.bind("id", id).bind("f", firstResponseAt).bind("n", responses).bind("ms", responseMsTotal));
    }

    @Override
    public void recordSla(UUID id, Boolean firstResponseBreached, Boolean resolutionBreached) {
        update("update desk_conversations set sla_first_response_breached = :f, sla_resolution_breached = :r where id = :id",
                u -> u.bind("id", id).bind("f", firstResponseBreached).bind("r", resolutionBreached));
    }

    @Override
    public boolean rate(UUID id, int score, String comment, Instant at) {
        return update("update desk_conversations set csat_score = :s, csat_comment = :c, csat_at = :at where id = :id and csat_score is null",
                u -> u.bind("id", id).bind("s", score).bind("c", comment).bind("at", at));
    }

    @Override
    public List<DeskConversation> heldBy(UUID orgId, UUID agentId) {
        return db.with(h -> h.createQuery("select * from desk_conversations where org_id = :org and "
                        + "((state = 'assigned' and agent_id = :a) or (state = 'offered' and offered_to = :a)) order by opened_at")
                .bind("org", orgId).bind("a", agentId).map(ROW).list());
    }

    @Override
    public Page<DeskConversation> list(UUID orgId, Filter f, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from desk_conversations where org_id = :org ");
        if (f.states() != null && !f.states().isEmpty()) sql.append("and state = any(cast(:states as text[])) ");
        if (f.agentId() != null) sql.append("and agent_id = :agent ");
        if (f.groupId() != null) sql.append("and group_id = :group ");
        if (f.visitorId() != null) sql.append("and visitor_id = :visitor ");
        if (!page.isFirst()) sql.append("and (opened_at, id) < (cast(:afterAt as timestamptz), cast(:afterId as uuid)) ");
        sql.append("order by opened_at desc, id desc limit :n");
        List<DeskConversation> rows = db.with(h -> h.createQuery(sql.toString()).bind("org", orgId)
                .bindArray("states", String.class, f.states() == null ? List.of() : f.states().stream().map(ConversationState::wire).toList())
                .bind("agent", f.agentId()).bind("group", f.groupId()).bind("visitor", f.visitorId())
                .bind("afterAt", page.afterSort()).bind("afterId", page.afterId()).bind("n", page.limit() + 1).map(ROW).list());
        return Page.of(rows, page.limit(), c -> PageRequest.cursor(c.openedAt().toString(), c.id().toString()));
    }

    @Override
    public List<DeskConversation> idleWithBot(Instant cutoff, int limit) {
        return db.with(h -> h.createQuery("select d.* from desk_conversations d join conversations c on c.id = d.id "
                        + "where d.state = 'bot' and d.opened_at < :cutoff and c.last_entry_at < :cutoff order by d.opened_at limit :n")
                .bind("cutoff", cutoff).bind("n", limit).map(ROW).list());
    }

    @Override
    public List<DeskConversation> pendingOffers() {
        return db.with(h -> h.createQuery("select * from desk_conversations where state = 'offered'").map(ROW).list());
    }

    @Override
    public List<DeskConversation> queued() {
        return db.with(h -> h.createQuery("select * from desk_conversations where state = 'queued'").map(ROW).list());
    }

    @Override
    public List<QueueStat> queueStats(UUID orgId) {
        return db.with(h -> h.createQuery("select group_id, count(*) as n, min(queued_at) as oldest from desk_conversations "
                        + "where org_id = :org and state = 'queued' group by group_id").bind("org", orgId)
                .map((rs, ctx) -> new QueueStat(Rows.uuid(rs, "group_id"), rs.getInt("n"), Rows.instant(rs, "oldest"))).list());
    }

    private boolean update(String sql, java.util.function.UnaryOperator<org.jdbi.v3.core.statement.Update> binds) {
        return db.with(h -> binds.apply(h.createUpdate(sql)).execute()) > 0;
    }
}
