package org.queqiao.desk.routing;

import org.queqiao.desk.RoutingMode;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.desk.store.RoutingStore.Waiting;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One routing pass over an organisation (ADR 0010): under the organisation's lock, decide for each
 * group's waiting conversations, in serving order, which agent with room gets each — in memory, with the
 * loads read once — then write the whole slice with a handful of guarded, set-based statements: slots
 * taken only while agents are online below their caps, conversations handed only while still queued.
 * A decision the guards refuse is simply not made (the conversation stays queued for the next pass).
 * Every decision is recorded with its reason and the loads of the best candidates at that moment.
 */
public final class Drain {
    /**
     * Decisions per transaction: a burst (agents coming online to a long queue) is committed in slices,
     * so the first visitors are told within milliseconds and the organisation's lock is never held long.
     */
    static final int MAX_PER_PASS = 100;
    /** How many of the best candidates each decision records (enough to see why, small enough to write a thousand a second). */
    static final int CANDIDATES_RECORDED = 5;

    private final RoutingStore store;
    private final Transactor tx;
    private final Clock clock;
    private final Duration offerTimeout;
    private final AssignmentHook assigned;

    Drain(RoutingStore store, Transactor tx, Clock clock, Duration offerTimeout, AssignmentHook assigned) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.offerTimeout = offerTimeout;
        this.assigned = assigned;
    }

    /** What one pass handed out; the caller tells agents and visitors once it is committed. */
    public record Handed(UUID conversationId, UUID visitorId, UUID groupId, UUID agentId, String reason, Instant offerExpiresAt) {}

    /** {@code more}: the pass stopped at {@link #MAX_PER_PASS} or a guard refused something; run another. */
    public record Result(List<Handed> handed, List<UUID> groupsChanged, boolean more) {}

    /** A decision made in memory, not yet written. */
    private record Decision(Waiting waiting, UUID groupId, Candidate agent, String reason, List<Map<String, Object>> seen) {}

    Result run(UUID orgId) {
        return tx.inTransaction(() -> {
            store.lockOrganization(orgId);
            List<RoutingStore.QueuedGroup> groups = store.groupsWithQueue(orgId);
            if (groups.isEmpty()) return new Result(List.of(), List.of(), false);
            List<Candidate> agents = store.agentsWithRoom(orgId, groups.stream().map(RoutingStore.QueuedGroup::groupId).toList());
            List<Decision> decisions = new ArrayList<>();
            Map<UUID, UUID> roundRobinLast = new HashMap<>();
            for (RoutingStore.QueuedGroup g : groups) {
                if (decisions.size() >= MAX_PER_PASS) break;
                decide(orgId, g, agents, decisions, roundRobinLast);
            }
            return write(orgId, decisions, roundRobinLast);
        });
    }

    private void decide(UUID orgId, RoutingStore.QueuedGroup g, List<Candidate> agents, List<Decision> decisions, Map<UUID, UUID> roundRobinLast) {
        int room = agents.stream().filter(a -> a.inGroup(g.groupId())).mapToInt(a -> a.max() - a.active()).sum();
        room = Math.min(room, MAX_PER_PASS - decisions.size());
        if (room <= 0) return;
        UUID rrLast = g.roundRobinLast();
        Instant now = clock.instant();
        // a few more than the room, since some waiting conversations may have excluded every free agent
        for (Waiting w : store.queueHead(orgId, g.groupId(), room + 16)) {
            Optional<RoutingPolicy.Choice> choice = RoutingPolicy.choose(g.mode(), g.groupId(), agents, w.excludedAgents(), w.stickyAgent(), rrLast);
            if (choice.isPresent()) {
                Candidate agent = choice.get().agent();
                decisions.add(new Decision(w, g.groupId(), agent, choice.get().reason(), seen(agents, g.groupId(), agent)));
                agent.took(now);
                if (g.mode() == RoutingMode.ROUND_ROBIN && "round_robin".equals(choice.get().reason())) {
                    rrLast = agent.agentId();
                    roundRobinLast.put(g.groupId(), rrLast);
                }
            }
            int made = (int) decisions.stream().filter(d -> d.groupId().equals(g.groupId())).count();
            if (made >= room || agents.stream().noneMatch(a -> a.inGroup(g.groupId()) && a.hasRoom())) return;
        }
    }

    private Result write(UUID orgId, List<Decision> decisions, Map<UUID, UUID> roundRobinLast) {
        if (decisions.isEmpty()) return new Result(List.of(), List.of(), false);
        Instant now = clock.instant();
        Instant expires = offerTimeout.isZero() ? null : now.plus(offerTimeout);
        Map<UUID, Integer> perAgent = new HashMap<>();
        for (Decision d : decisions) perAgent.merge(d.agent().agentId(), 1, Integer::sum);
        Set<UUID> withSlots = store.takeSlots(orgId, perAgent, now);
        List<Decision> slotted = decisions.stream().filter(d -> withSlots.contains(d.agent().agentId())).toList();
        Set<UUID> handed = store.handAll(slotted.stream().map(d -> new RoutingStore.Hand(d.waiting().conversationId(), d.agent().agentId())).toList(),
                now, expires);
        Map<UUID, Integer> unused = new HashMap<>();
        List<Decision> made = new ArrayList<>();
        for (Decision d : slotted) {
            if (handed.contains(d.waiting().conversationId())) made.add(d);
            else unused.merge(d.agent().agentId(), 1, Integer::sum); // no longer waiting (closed by the visitor meanwhile)
        }
        store.releaseSlots(orgId, unused);
        if (expires == null) {
            assigned.assigned(orgId, made.stream().map(d -> new AssignmentHook.Taken(d.waiting().conversationId(), d.agent().agentId())).toList(), now);
        }
        store.recordDecisions(made.stream().map(d -> new RoutingStore.Decision(Ids.newId(), d.waiting().conversationId(), orgId, d.agent().agentId(),
                d.groupId(), d.reason(), d.seen(), now, expires == null ? "assigned" : "offered")).toList());
        roundRobinLast.forEach(store::roundRobinChose);
        List<Handed> out = made.stream().map(d -> new Handed(d.waiting().conversationId(), d.waiting().visitorId(), d.groupId(), d.agent().agentId(),
                d.reason(), expires)).toList();
        List<UUID> changed = List.copyOf(new LinkedHashSet<>(made.stream().map(Decision::groupId).toList()));
        // refused by a guard (an agent went offline, a cap changed): the rest waits for another pass with fresh loads
        boolean more = decisions.size() >= MAX_PER_PASS || made.size() < decisions.size();
        return new Result(out, changed, more && !made.isEmpty());
    }

    /** The loads of the group's least busy candidates and the chosen one, as the decision record keeps them. */
    private static List<Map<String, Object>> seen(List<Candidate> agents, UUID groupId, Candidate chosen) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(chosen.snapshot());
        agents.stream().filter(a -> a.inGroup(groupId) && a != chosen)
                .sorted(Comparator.comparingInt(Candidate::active).thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(CANDIDATES_RECORDED - 1).forEach(a -> out.add(a.snapshot()));
        return out;
    }
}
