package org.queqiao.desk;

import org.queqiao.desk.routing.AssignmentHook;
import org.queqiao.desk.routing.Drain;
import org.queqiao.desk.routing.Offers;
import org.queqiao.desk.routing.QueueBroadcaster;
import org.queqiao.desk.routing.RoutingListener;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.messaging.DeskLogs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who hears of routing, once it is committed: an agent of an offer or an assignment, the visitor that a
 * person is coming, waiting visitors of their place, a group's agents of its queue. Also the one thing
 * done inside the routing transaction: an agent who takes a conversation joins its log.
 */
final class DeskAnnouncements implements RoutingListener, Offers.OfferListener, QueueBroadcaster.QueueListener {
    private final DeskPushes pushes;
    private QueueBroadcaster queues;
    private DeskSetupStore setup;

    DeskAnnouncements(DeskPushes pushes) {
        this.pushes = pushes;
    }

    /** Wired after construction (the broadcaster tells this class, and this class tells it of changes). */
    void queues(QueueBroadcaster queues, DeskSetupStore setup) {
        this.queues = queues;
        this.setup = setup;
    }

    AssignmentHook assignment(DeskLogs logs, AgentNames names) {
        return (orgId, taken, at) -> {
            var chats = DeskLogs.refs(orgId, taken.stream().map(AssignmentHook.Taken::conversationId).toList());
            List<UUID> agents = taken.stream().map(AssignmentHook.Taken::agentId).toList();
            logs.addAgents(chats, agents, at);
            logs.recordAll(chats, agents, agents.stream().<Map<String, Object>>map(a -> Map.of("type", "agent_joined", "agentId", a.toString(),
                    "agentName", names.of(orgId, a))).toList());
        };
    }

    @Override
    public void routed(UUID orgId, Drain.Result result) {
        for (Drain.Handed h : result.handed()) {
            queues.left(h.conversationId());
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("conversationId", h.conversationId());
            offer.put("groupId", h.groupId());
            offer.put("reason", h.reason());
            if (h.offerExpiresAt() != null) {
                offer.put("expiresAt", h.offerExpiresAt().toString());
                pushes.toAgent(orgId, h.agentId(), DeskPushes.DESK_OFFER, offer);
            } else {
                pushes.toAgent(orgId, h.agentId(), DeskPushes.DESK_CONVERSATION, offer);
                // built from the decision, not read back: this runs on the routing lane, before its next pass
                pushes.toVisitor(orgId, h.visitorId(), DeskPushes.VISITOR_STATE, DeskEvents.assigned(h.conversationId(), h.agentId()));
            }
        }
        for (UUID g : result.groupsChanged()) queues.changed(orgId, g);
    }

    @Override
    public void accepted(DeskConversation c, UUID agentId) {
        pushes.toVisitor(c.orgId(), c.visitorId(), DeskPushes.VISITOR_STATE, DeskEvents.state(c));
        pushes.toAgent(c.orgId(), agentId, DeskPushes.DESK_CONVERSATION, DeskEvents.state(c));
    }

    @Override
    public void withdrawn(DeskConversation c, UUID agentId, String outcome) {
        var state = DeskEvents.state(c);
        state.put("state", "withdrawn");
        state.put("outcome", outcome);
        pushes.toAgent(c.orgId(), agentId, DeskPushes.DESK_CONVERSATION, state);
        queues.changed(c.orgId(), c.groupId());
    }

    @Override
    public void position(UUID orgId, UUID conversationId, UUID visitorId, int position, Long estimatedWaitSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversationId", conversationId);
        m.put("state", ConversationState.QUEUED);
        m.put("position", position);
        if (estimatedWaitSeconds != null) m.put("estimatedWaitSeconds", estimatedWaitSeconds);
        pushes.toVisitor(orgId, visitorId, DeskPushes.VISITOR_STATE, m);
    }

    @Override
    public void queue(UUID orgId, UUID groupId, int waiting, long longestWaitSeconds) {
        pushes.toAgents(orgId, setup.agentsOf(orgId, groupId), DeskPushes.DESK_QUEUE,
                Map.of("groupId", groupId, "waiting", waiting, "longestWaitSeconds", longestWaitSeconds));
    }
}
