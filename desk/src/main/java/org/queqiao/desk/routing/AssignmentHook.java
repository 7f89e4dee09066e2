package org.queqiao.desk.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs inside the routing transaction when agents take conversations (assigned at once, or an offer
 * accepted): the desk makes each agent a member of its conversation's log and records it there — for a
 * whole slice of decisions at once.
 */
@FunctionalInterface
public interface AssignmentHook {
    void assigned(UUID orgId, List<Taken> taken, Instant at);

    record Taken(UUID conversationId, UUID agentId) {}
}
