package org.queqiao.desk;

import org.queqiao.desk.routing.QueueBroadcaster;
import org.queqiao.desk.routing.Routing;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Handing a conversation on: to a named agent (who must be online with room: the cap holds for
 * transfers too), to a group's queue (at the back of it, any agent of that group), or to a supervisor
 * taking it over. The whole log goes with it; the previous agent leaves the conversation.
 */
public final class Transfers {
    private final DeskAccess access;
    private final DeskConversationStore conversations;
    private final DeskSetupStore setup;
    private final RoutingStore routing;
    private final DeskLogs logs;
    private final Transactor tx;
    private final Routing router;
    private final QueueBroadcaster queues;
    private final DeskPushes pushes;
    private final AgentNames names;
    private final Clock clock;

    Transfers(DeskAccess access, DeskConversationStore conversations, DeskSetupStore setup, RoutingStore routing, DeskLogs logs, Transactor tx,
              Routing router, QueueBroadcaster queues, DeskPushes pushes, AgentNames names, Clock clock) {
        this.names = names;
        this.access = access;
        this.conversations = conversations;
        this.setup = setup;
        this.routing = routing;
        this.logs = logs;
        this.tx = tx;
        this.router = router;
        this.queues = queues;
        this.pushes = pushes;
        this.clock = clock;
    }

    public DeskConversation toAgent(Principal p, UUID conversationId, UUID toAgentId, String reason) {
        DeskConversation[] before = new DeskConversation[1];
        DeskConversation after = tx.inTransaction(() -> {
            DeskConversation c = before[0] = access.working(p, conversationId);
            if (c.state() != ConversationState.ASSIGNED) throw ProblemException.conflict("not_assigned", "Only a conversation with an agent can be handed to another", null);
            if (toAgentId.equals(c.agentId())) throw ProblemException.invalid("agentId", "same_agent", "The conversation is already theirs");
            Agent to = setup.agent(p.orgId(), toAgentId).orElseThrow(() -> new ProblemException(404, "no_such_agent", "That person holds no agent seat", "agentId", null));
            Instant now = clock.instant();
            if (to.status() != AgentStatus.ONLINE || !routing.takeSlot(p.orgId(), toAgentId, now)) {
                throw new ProblemException(409, "agent_unavailable", "That agent is not online or has no room for another conversation", "agentId",
                        Map.of("status", to.status().wire(), "active", to.active(), "max", to.maxConcurrent()));
            }
            if (!conversations.reassign(c.id(), c.agentId(), toAgentId, now)) throw ProblemException.conflict("conversation_moved", "The conversation changed meanwhile; reload it", null);
            routing.releaseSlot(p.orgId(), c.agentId());
            var chat = logs.find(p.orgId(), c.id()).orElseThrow();
            logs.removeAgent(chat, c.agentId());
            logs.addAgent(chat, toAgentId, now);
            routing.recordDecision(new RoutingStore.Decision(Ids.newId(), c.id(), p.orgId(), toAgentId, c.groupId(), reason, List.of(), now, "assigned"));
            logs.record(chat, p.memberId(), Map.of("type", reason, "from", c.agentId().toString(), "to", toAgentId.toString(),
                    "toName", names.of(p.orgId(), toAgentId)));
            return conversations.find(p.orgId(), c.id()).orElseThrow();
        });
        pushes.toAgent(p.orgId(), before[0].agentId(), DeskPushes.DESK_CONVERSATION, DeskEvents.state(after));
        pushes.toAgent(p.orgId(), toAgentId, DeskPushes.DESK_CONVERSATION, DeskEvents.state(after));
        pushes.toVisitor(p.orgId(), after.visitorId(), DeskPushes.VISITOR_STATE, DeskEvents.state(after));
        router.wake(p.orgId()); // the previous agent has room again
        return after;
    }

    public DeskConversation toGroup(Principal p, UUID conversationId, UUID groupId) {
        DeskConversation[] before = new DeskConversation[1];
        DeskConversation after = tx.inTransaction(() -> {
            DeskConversation c = before[0] = access.working(p, conversationId);
            if (c.state() != ConversationState.ASSIGNED) throw ProblemException.conflict("not_assigned", "Only a conversation with an agent can be transferred", null);
            setup.group(p.orgId(), groupId).orElseThrow(() -> new ProblemException(404, "no_such_group", "There is no such skill group", "groupId", null));
            routing.releaseSlot(p.orgId(), c.agentId());
            var chat = logs.find(p.orgId(), c.id()).orElseThrow();
            logs.removeAgent(chat, c.agentId());
            logs.record(chat, p.memberId(), Map.of("type", "transferred_to_group", "from", c.agentId().toString(), "groupId", groupId.toString()));
            // the new place in the queue is stamped last, under the queue-order lock, so stamps follow commits
            conversations.holdQueueOrder(p.orgId());
            if (!conversations.moveToGroup(c.id(), groupId, clock.instant())) throw ProblemException.conflict("conversation_moved", "The conversation changed meanwhile; reload it", null);
            return conversations.find(p.orgId(), c.id()).orElseThrow();
        });
        pushes.toAgent(p.orgId(), before[0].agentId(), DeskPushes.DESK_CONVERSATION, DeskEvents.state(after));
        pushes.toVisitor(p.orgId(), after.visitorId(), DeskPushes.VISITOR_STATE, DeskEvents.state(after));
        router.wake(p.orgId());
        queues.changed(p.orgId(), groupId);
        return after;
    }
}
