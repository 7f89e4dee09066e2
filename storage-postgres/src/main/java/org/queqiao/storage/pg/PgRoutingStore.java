package org.queqiao.storage.pg;

import org.queqiao.desk.RoutingMode;
import org.queqiao.desk.routing.Candidate;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.platform.json.Json;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The router's reads and guarded writes (V9 migration); all run inside the router's transaction. */
public final class PgRoutingStore implements RoutingStore {
    private static final AdvisoryLock ROUTING = new AdvisoryLock(0x0DE5C);

    private final Db db;

    public PgRoutingStore(Db db) {
        this.db = db;
    }

    @Override
    public void lockOrganization(UUID orgId) {
        ROUTING.holdUntilCommit(db, orgId);
    }

    @Override
    public List<QueuedGroup> groupsWithQueue(UUID orgId) {
        // Each group's head of queue, in the queue index's own order with limit 1: reading the index is then the
        // cheapest plan whatever the statistics say. Asked as "the distinct groups of queued conversations", the
        // planner scanned the whole table once its statistics were taken while a morning's queue waited
        // (10,000 queued, then served): 22-120 ms a pass at churn 50/s, on every pass.
        return db.with(h -> h.createQuery("select g.id, g.routing, g.rr_last_agent from desk_groups g cross join lateral "
                        + "(select 1 from desk_conversations c where c.org_id = g.org_id and c.group_id = g.id and c.state = 'queued' "
                        + "order by c.priority desc, c.queued_at, c.id limit 1) head where g.org_id = :org order by g.created_at, g.id")
                .bind("org", orgId)
                .map((rs, ctx) -> new QueuedGroup(Rows.uuid(rs, "id"), RoutingMode.fromWire(rs.getString("routing")), Rows.uuid(rs, "rr_last_agent"))).list());
    }

    @Override
    public List<Waiting> queueHead(UUID orgId, UUID groupId, int limit) {
        return waiting(orgId, groupId, limit);
    }

    @Override
    public List<Waiting> queue(UUID orgId, UUID groupId) {
        return waiting(orgId, groupId, Integer.MAX_VALUE);
    }

    private List<Waiting> waiting(UUID orgId, UUID groupId, int limit) {
        return db.with(h -> h.createQuery("select c.id, c.visitor_id, c.priority, c.queued_at, c.excluded_agents, v.last_agent_id "
                        + "from desk_conversations c join desk_visitors v on v.id = c.visitor_id "
                        + "where c.org_id = :org and c.group_id = :g and c.state = 'queued' order by c.priority desc, c.queued_at, c.id limit :n")
                .bind("org", orgId).bind("g", groupId).bind("n", limit)
                .map((rs, ctx) -> new Waiting(Rows.uuid(rs, "id"), Rows.uuid(rs, "visitor_id"), rs.getInt("priority"), Rows.instant(rs, "queued_at"),
                        Set.copyOf(Rows.uuids(rs, "excluded_agents")), Rows.uuid(rs, "last_agent_id"))).list());
    }

    @Override
    public List<Candidate> agentsWithRoom(UUID orgId, java.util.Collection<UUID> groupIds) {
        // The organisation's seats online with room, in one of the queued groups, by the groups kept on the seat (V11):
        // one read of the organisation's seats (its primary-key range, or the table) whatever the statistics say.
        // Joined to desk_group_agents, the statistics chose the side, and each side has its bad hour: from the seats,
        // with statistics taken before the logins, every online seat's groups were probed (2.4 ms a pass); from the
        // groups, with a queue in every group, every member's seat (3 ms a pass, on every handoff). 1,000 seats.
        return db.with(h -> h.createQuery("select member_id, active, max_concurrent, last_assigned_at, group_ids as groups from desk_agents "
                        + "where org_id = :org and status = 'online' and active < max_concurrent and group_ids && cast(:groups as uuid[])")
                .bind("org", orgId).bindArray("groups", UUID.class, List.copyOf(groupIds))
                .map((rs, ctx) -> new Candidate(Rows.uuid(rs, "member_id"), rs.getInt("active"), rs.getInt("max_concurrent"),
                        Rows.instant(rs, "last_assigned_at"), new HashSet<>(Rows.uuids(rs, "groups")))).list());
    }

    @Override
    public boolean takeSlot(UUID orgId, UUID agentId, Instant at) {
        return db.with(h -> h.createUpdate("update desk_agents set active = active + 1, last_assigned_at = :at "
                + "where org_id = :org and member_id = :a and status = 'online' and active < max_concurrent")
                .bind("org", orgId).bind("a", agentId).bind("at", at).execute()) == 1;
    }

    @Override
    public Set<UUID> takeSlots(UUID orgId, Map<UUID, Integer> counts, Instant at) {
        if (counts.isEmpty()) return Set.of();
        List<UUID> ids = List.copyOf(counts.keySet());
        return new HashSet<>(db.with(h -> h.createQuery("update desk_agents a set active = a.active + k.n, last_assigned_at = :at "
                        + "from unnest(cast(:ids as uuid[]), cast(:ns as int[])) as k(id, n) "
                        + "where a.org_id = :org and a.member_id = k.id and a.status = 'online' and a.active + k.n <= a.max_concurrent returning a.member_id")
                .bind("org", orgId).bind("at", at).bindArray("ids", UUID.class, ids).bindArray("ns", Integer.class, ids.stream().map(counts::get).toList())
                .mapTo(UUID.class).list()));
    }

    @Override
    public void releaseSlots(UUID orgId, Map<UUID, Integer> counts) {
        if (counts.isEmpty()) return;
        List<UUID> ids = List.copyOf(counts.keySet());
        db.use(h -> h.createUpdate("update desk_agents a set active = greatest(a.active - k.n, 0) from unnest(cast(:ids as uuid[]), cast(:ns as int[])) as k(id, n) "
                        + "where a.org_id = :org and a.member_id = k.id")
                .bind("org", orgId).bindArray("ids", UUID.class, ids).bindArray("ns", Integer.class, ids.stream().map(counts::get).toList()).execute());
    }

    @Override
    public Set<UUID> handAll(List<Hand> hands, Instant at, Instant offerExpiresAt) {
        if (hands.isEmpty()) return Set.of();
        String set = offerExpiresAt == null ? "state = 'assigned', agent_id = k.agent, assigned_at = :at"
                : "state = 'offered', offered_to = k.agent, offer_expires_at = :exp";
        return new HashSet<>(db.with(h -> h.createQuery("update desk_conversations c set " + set + " from unnest(cast(:cs as uuid[]), cast(:as as uuid[])) as k(id, agent) "
                        + "where c.id = k.id and c." + DeskStateGuard.is("queued") + " returning c.id")
                .bind("at", at).bind("exp", offerExpiresAt).bindArray("cs", UUID.class, hands.stream().map(Hand::conversationId).toList())
                .bindArray("as", UUID.class, hands.stream().map(Hand::agentId).toList()).mapTo(UUID.class).list()));
    }

    @Override
    public void recordDecisions(List<Decision> decisions) {
        if (decisions.isEmpty()) return;
        db.use(h -> {
            var batch = h.prepareBatch("insert into desk_assignments (id, conversation_id, org_id, agent_id, group_id, reason, candidates, decided_at, outcome) "
                    + "values (:id, :c, :org, :a, :g, :r, cast(:cand as jsonb), :at, :o)");
            for (Decision d : decisions) {
                batch.bind("id", d.id()).bind("c", d.conversationId()).bind("org", d.orgId()).bind("a", d.agentId()).bind("g", d.groupId())
                        .bind("r", d.reason()).bind("cand", Json.write(d.candidates())).bind("at", d.at()).bind("o", d.outcome()).add();
            }
            batch.execute();
        });
    }

    @Override
    public void releaseSlot(UUID orgId, UUID agentId) {
        db.use(h -> h.createUpdate("update desk_agents set active = greatest(active - 1, 0) where org_id = :org and member_id = :a")
                .bind("org", orgId).bind("a", agentId).execute());
    }

    @Override
    public boolean handTo(UUID conversationId, UUID agentId, Instant at, Instant offerExpiresAt) {
        String sql = offerExpiresAt == null
                ? "update desk_conversations set state = 'assigned', agent_id = :a, assigned_at = :at where id = :id and " + DeskStateGuard.is("queued")
                : "update desk_conversations set state = 'offered', offered_to = :a, offer_expires_at = :exp where id = :id and " + DeskStateGuard.is("queued");
        return db.with(h -> h.createUpdate(sql).bind("id", conversationId).bind("a", agentId).bind("at", at).bind("exp", offerExpiresAt).execute()) == 1;
    }

    @Override
    public void recordDecision(Decision d) {
        db.use(h -> h.createUpdate("insert into desk_assignments (id, conversation_id, org_id, agent_id, group_id, reason, candidates, decided_at, outcome) "
                        + "values (:id, :c, :org, :a, :g, :r, cast(:cand as jsonb), :at, :o)")
                .bind("id", d.id()).bind("c", d.conversationId()).bind("org", d.orgId()).bind("a", d.agentId()).bind("g", d.groupId())
                .bind("r", d.reason()).bind("cand", Json.write(d.candidates())).bind("at", d.at()).bind("o", d.outcome()).execute());
    }

    @Override
    public void roundRobinChose(UUID groupId, UUID agentId) {
        db.use(h -> h.createUpdate("update desk_groups set rr_last_agent = :a where id = :g").bind("g", groupId).bind("a", agentId).execute());
    }

    @Override
    public int assignedSince(UUID groupId, Instant since) {
        return db.with(h -> h.createQuery("select count(*) from desk_assignments where group_id = :g and decided_at > :since "
                        + "and outcome in ('offered', 'assigned')").bind("g", groupId).bind("since", since).mapTo(Integer.class).one());
    }
}
