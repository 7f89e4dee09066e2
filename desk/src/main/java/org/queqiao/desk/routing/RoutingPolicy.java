package org.queqiao.desk.routing;

import org.queqiao.desk.RoutingMode;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which agent gets one conversation, among the group's online agents with room: the visitor's previous
 * agent if they can take it (sticky); otherwise the least busy, ties to whoever has waited longest
 * since their last conversation; or, for round-robin groups, the next agent after the last one chosen
 * (in id order, wrapping). Agents who declined or let an offer lapse for this conversation are skipped.
 */
final class RoutingPolicy {
    private static final Comparator<Candidate> LEAST_BUSY = Comparator.comparingInt(Candidate::active)
            .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Candidate::agentId);

    private RoutingPolicy() {}

    record Choice(Candidate agent, String reason) {}

    static Optional<Choice> choose(RoutingMode mode, UUID groupId, List<Candidate> agents, Set<UUID> excluded, UUID stickyAgent, UUID roundRobinLast) {
        List<Candidate> able = agents.stream().filter(a -> a.inGroup(groupId) && a.hasRoom() && !excluded.contains(a.agentId())).toList();
        if (able.isEmpty()) return Optional.empty();
        if (stickyAgent != null) {
            for (Candidate a : able) if (a.agentId().equals(stickyAgent)) return Optional.of(new Choice(a, "sticky"));
        }
        if (mode == RoutingMode.ROUND_ROBIN) {
            List<Candidate> byId = able.stream().sorted(Comparator.comparing(Candidate::agentId)).toList();
            Candidate next = roundRobinLast == null ? byId.getFirst()
                    : byId.stream().filter(a -> a.agentId().compareTo(roundRobinLast) > 0).findFirst().orElse(byId.getFirst());
            return Optional.of(new Choice(next, "round_robin"));
        }
        return Optional.of(new Choice(able.stream().min(LEAST_BUSY).orElseThrow(), "least_busy"));
    }
}
