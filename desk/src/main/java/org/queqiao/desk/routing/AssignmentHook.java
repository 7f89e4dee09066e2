package org.queqiao.desk.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * Runs inside the routing transaction when an agent takes a conversation (assigned at once, or an offer
 * accepted): the desk makes them a member of its chat log and records it there.
 */
@FunctionalInterface
public interface AssignmentHook {
    void assigned(UUID orgId, UUID conversationId, UUID agentId, Instant at);
}
