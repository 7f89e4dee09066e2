package org.queqiao.desk.routing;

import org.queqiao.desk.store.RoutingStore;
import org.queqiao.desk.store.RoutingStore.Waiting;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One routing pass over an organisation (ADR 0010): under the organisation's lock, hand each group's
 * waiting conversations, in serving order, to agents with room, until the queue or the room runs out.
 * Every hand-over is a guarded write and a recorded decision with its reason and the candidates' loads.
 */
public final class Drain {
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

    /** {@code more}: the pass stopped at {@link #MAX_PER_PASS}; run another. */
    public record Result(List<Handed> handed, List<UUID> groupsChanged, boolean more) {}

    /**
     * Decisions per transaction: a burst (agents coming online to a long queue) is committed in slices,
     * so the first visitors are told within milliseconds and the organisation's lock is never held long.
     */
    static final int MAX_PER_PASS = 100;

    Result run(UUID orgId) {
        return tx.inTransaction(() -> {
            store.lockOrganization(orgId);
            List<RoutingStore.QueuedGroup> groups = store.groupsWithQueue(orgId);
            if (groups.isEmpty()) return new Result(List.of(), List.of(), false);
            List<Candidate> agents = store.agentsWithRoom(orgId);
            List<Handed> handed = new ArrayList<>();
            List<UUID> changed = new ArrayList<>();
            for (RoutingStore.QueuedGroup g : groups) {
                if (handed.size() >= MAX_PER_PASS) break;
                int room = agents.stream().filter(a -> a.inGroup(g.groupId())).mapToInt(a -> a.max() - a.active()).sum();
                if (room <= 0) continue;
                int before = handed.size();
                serveGroup(orgId, g, agents, Math.min(room, MAX_PER_PASS - handed.size()), handed);
                if (handed.size() > before) changed.add(g.groupId());
            }
            return new Result(handed, changed, handed.size() >= MAX_PER_PASS);
        });
    }

    private void serveGroup(UUID orgId, RoutingStore.QueuedGroup g, List<Candidate> agents, int room, List<Handed> handed) {
        int limit = handed.size() + room;
        UUID rrLast = g.roundRobinLast();
        // a few more than the room, since some waiting conversations may have excluded every free agent
        for (Waiting w : store.queueHead(orgId, g.groupId(), room + 16)) {
            Optional<RoutingPolicy.Choice> choice;
            while ((choice = RoutingPolicy.choose(g.mode(), g.groupId(), agents, w.excludedAgents(), w.stickyAgent(), rrLast)).isPresent()) {
                Candidate agent = choice.get().agent();
                Instant now = clock.instant();
                List<Map<String, Object>> seen = agents.stream().filter(a -> a.inGroup(g.groupId())).map(Candidate::snapshot).toList();
                if (!store.takeSlot(orgId, agent.agentId(), now)) {
                    agent.full(); // went offline or was capped meanwhile: try the next best
                    continue;
                }
                Instant expires = offerTimeout.isZero() ? null : now.plus(offerTimeout);
                if (!store.handTo(w.conversationId(), agent.agentId(), now, expires)) {
                    store.releaseSlot(orgId, agent.agentId()); // no longer waiting (closed by the visitor meanwhile)
                    break;
                }
                agent.took(now);
                if (expires == null) assigned.assigned(orgId, w.conversationId(), agent.agentId(), now);
                store.recordDecision(new RoutingStore.Decision(Ids.newId(), w.conversationId(), orgId, agent.agentId(), g.groupId(),
                        choice.get().reason(), seen, now, expires == null ? "assigned" : "offered"));
                if ("round_robin".equals(choice.get().reason())) {
                    rrLast = agent.agentId();
                    store.roundRobinChose(g.groupId(), rrLast);
                }
                handed.add(new Handed(w.conversationId(), w.visitorId(), g.groupId(), agent.agentId(), choice.get().reason(), expires));
                break;
            }
            if (handed.size() >= Math.min(limit, MAX_PER_PASS) || agents.stream().noneMatch(a -> a.inGroup(g.groupId()) && a.hasRoom())) return;
        }
    }
}
