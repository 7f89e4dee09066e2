package org.queqiao.desk.store;

import org.queqiao.desk.RoutingMode;
import org.queqiao.desk.routing.Candidate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the router reads and writes, inside its transaction. Every write is guarded so that a decision
 * made on stale data fails instead of breaking a rule: a slot is taken only below the agent's cap while
 * they are online, a conversation is offered only while it is queued.
 */
public interface RoutingStore {
    /** Serialises routing for the organisation across every node until the transaction ends. */
    void lockOrganization(UUID orgId);

    /** The organisation's groups that have someone waiting. */
    List<QueuedGroup> groupsWithQueue(UUID orgId);

    /** The head of a group's queue, in serving order (priority, then first come), at most {@code limit}. */
    List<Waiting> queueHead(UUID orgId, UUID groupId, int limit);

    /** The organisation's online agents with room in any of {@code groupIds}, with those of their groups among them. */
    List<Candidate> agentsWithRoom(UUID orgId, java.util.Collection<UUID> groupIds);

    /** Counts one more conversation against the agent, if they are online and below their cap. @return whether it did */
    boolean takeSlot(UUID orgId, UUID agentId, Instant at);

    /**
     * For a slice of decisions: counts {@code counts[agent]} more conversations against each agent, for
     * those still online with that much room (all or nothing per agent). @return the agents it did
     */
    Set<UUID> takeSlots(UUID orgId, Map<UUID, Integer> counts, Instant at);

    /** Gives back {@code counts[agent]} slots per agent. */
    void releaseSlots(UUID orgId, Map<UUID, Integer> counts);

    /**
     * Hands queued conversations to agents (offered until {@code offerExpiresAt}, or assigned at once when
     * that is null), in one statement. @return the conversations that were still queued and are now handed
     */
    Set<UUID> handAll(List<Hand> hands, Instant at, Instant offerExpiresAt);

    void recordDecisions(List<Decision> decisions);

    record Hand(UUID conversationId, UUID agentId) {}

    /** Gives a slot back (a conversation closed, transferred, declined or expired). */
    void releaseSlot(UUID orgId, UUID agentId);

    /**
     * Hands a queued conversation to the agent: offered until {@code offerExpiresAt}, or assigned at once
     * when that is null. @return false when it was no longer queued
     */
    boolean handTo(UUID conversationId, UUID agentId, Instant at, Instant offerExpiresAt);

    void recordDecision(Decision d);

    void roundRobinChose(UUID groupId, UUID agentId);

    /** Every waiting conversation of the group in serving order, with its visitor (for positions). */
    List<Waiting> queue(UUID orgId, UUID groupId);

    /** Conversations handed to agents in the group since {@code since} (the recent serving rate). */
    int assignedSince(UUID groupId, Instant since);

    record QueuedGroup(UUID groupId, RoutingMode mode, UUID roundRobinLast) {}

    record Waiting(UUID conversationId, UUID visitorId, int priority, Instant queuedAt, Set<UUID> excludedAgents, UUID stickyAgent) {}

    record Decision(UUID id, UUID conversationId, UUID orgId, UUID agentId, UUID groupId, String reason, List<Map<String, Object>> candidates,
                    Instant at, String outcome) {}
}
