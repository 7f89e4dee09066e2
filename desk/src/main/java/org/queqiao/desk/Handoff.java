package org.queqiao.desk;

import org.queqiao.desk.routing.DeskTimers;
import org.queqiao.desk.routing.QueueBroadcaster;
import org.queqiao.desk.routing.Routing;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.VisitorStore;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * From the bot to a person: the conversation joins its group's queue (VIPs ahead, then first come),
 * the router is woken and the visitor's maximum wait starts. Outside the group's business hours nobody
 * is there: the visitor is offered the offline message form instead, and the bot keeps the conversation.
 */
public final class Handoff {
    static final int VIP_PRIORITY = 10;

    private final DeskConversationStore conversations;
    private final GroupCache groups;
    private final VisitorStore visitors;
    private final DeskLogs logs;
    private final Transactor tx;
    private final Routing routing;
    private final QueueBroadcaster queues;
    private final DeskTimers timers;
    private final OpenHours hours;
    private final DeskPushes pushes;
    private final Endings endings;
    private final Clock clock;

    Handoff(DeskConversationStore conversations, GroupCache groups, VisitorStore visitors, DeskLogs logs, Transactor tx, Routing routing,
            QueueBroadcaster queues, DeskTimers timers, OpenHours hours, DeskPushes pushes, Endings endings, Clock clock) {
        this.endings = endings;
        this.conversations = conversations;
        this.groups = groups;
        this.visitors = visitors;
        this.logs = logs;
        this.tx = tx;
        this.routing = routing;
        this.queues = queues;
        this.timers = timers;
        this.hours = hours;
        this.pushes = pushes;
        this.clock = clock;
    }

    public enum Outcome { QUEUED, ALREADY_WITH_PEOPLE, CLOSED_HOURS }

    Outcome toHuman(UUID orgId, UUID conversationId, String reason) {
        Instant now = clock.instant();
        SkillGroup[] group = new SkillGroup[1];
        Outcome outcome = tx.inTransaction(() -> {
            DeskConversation c = conversations.lock(orgId, conversationId).orElseThrow(() -> ProblemException.notFound("Conversation"));
            if (c.state() != ConversationState.BOT) return c.isOpen() ? Outcome.ALREADY_WITH_PEOPLE : closed();
            group[0] = groups.group(orgId, c.groupId()).orElseThrow();
            if (!hours.isOpen(group[0], now)) return Outcome.CLOSED_HOURS;
            boolean vip = visitors.find(orgId, c.visitorId()).map(Visitor::vip).orElse(false);
            logs.record(DeskLogs.refs(orgId, java.util.List.of(c.id())).getFirst(), null, Map.of("type", "handoff", "reason", reason));
            // the place in the queue is stamped last, under the queue-order lock, so stamps follow commits
            conversations.holdQueueOrder(orgId);
            conversations.enqueue(c.id(), reason, vip ? VIP_PRIORITY : 0, clock.instant());
            return Outcome.QUEUED;
        });
        if (outcome == Outcome.QUEUED) {
            routing.wake(orgId);
            queues.changed(orgId, group[0].id());
            timers.at(now.plus(group[0].maxWait()), () -> waitedTooLong(orgId, conversationId, group[0].id()));
        }
        DeskConversation c = conversations.find(orgId, conversationId).orElseThrow();
        var state = DeskEvents.state(c);
        if (outcome == Outcome.CLOSED_HOURS) state.put("offlineForm", "closed_hours");
        pushes.toVisitor(orgId, c.visitorId(), DeskPushes.VISITOR_STATE, state);
        return outcome;
    }

    /** The group's maximum wait passed and nobody took the visitor: they get the offline form instead of waiting on. */
    void waitedTooLong(UUID orgId, UUID conversationId, UUID groupId) {
        Instant now = clock.instant();
        boolean missed = tx.inTransaction(() -> {
            if (!conversations.miss(conversationId, now)) return false;
            var chat = logs.find(orgId, conversationId).orElseThrow();
            logs.record(chat, null, Map.of("type", "missed"));
            logs.close(chat, now);
            endings.ended(conversations.find(orgId, conversationId).orElseThrow());
            return true;
        });
        if (!missed) return;
        queues.left(conversationId);
        queues.changed(orgId, groupId);
        DeskConversation c = conversations.find(orgId, conversationId).orElseThrow();
        var state = DeskEvents.state(c);
        state.put("offlineForm", "max_wait");
        pushes.toVisitor(orgId, c.visitorId(), DeskPushes.VISITOR_STATE, state);
    }

    private static Outcome closed() {
        throw ProblemException.conflict("conversation_closed", "This conversation has ended; start a new one", null);
    }
}
