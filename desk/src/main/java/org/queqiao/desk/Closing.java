package org.queqiao.desk;

import org.queqiao.desk.routing.QueueBroadcaster;
import org.queqiao.desk.routing.Routing;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.desk.store.VisitorStore;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ending a conversation, by its agent, a supervisor or the visitor: the log is closed, the agent's slot
 * is freed (and the queue drained at once), the visitor is remembered for their next visit (sticky
 * routing) and asked for a satisfaction rating.
 */
final class Closing {
    static final int MAX_TAGS = 10;

    private final DeskConversationStore conversations;
    private final RoutingStore routing;
    private final VisitorStore visitors;
    private final DeskLogs logs;
    private final Transactor tx;
    private final Routing router;
    private final QueueBroadcaster queues;
    private final DeskPushes pushes;
    private final Endings endings;
    private final Clock clock;

    Closing(DeskConversationStore conversations, RoutingStore routing, VisitorStore visitors, DeskLogs logs, Transactor tx, Routing router,
            QueueBroadcaster queues, DeskPushes pushes, Endings endings, Clock clock) {
        this.endings = endings;
        this.conversations = conversations;
        this.routing = routing;
        this.visitors = visitors;
        this.logs = logs;
        this.tx = tx;
        this.router = router;
        this.queues = queues;
        this.pushes = pushes;
        this.clock = clock;
    }

    /** Inside the caller's transaction, with the conversation locked; the caller then calls {@link #announce}. */
    DeskConversation close(DeskConversation c, UUID by, List<String> tags) {
        Instant now = clock.instant();
        if (!conversations.close(c.id(), by, tags, now)) return c;
        UUID holder = c.holder();
        if (holder != null) routing.releaseSlot(c.orgId(), holder);
        if (c.agentId() != null) visitors.rememberAgent(c.visitorId(), c.agentId());
        var chat = DeskLogs.refs(c.orgId(), List.of(c.id())).getFirst(); // it exists: the desk row was locked open
        logs.record(chat, by, Map.of("type", "closed", "by", by == null ? "system" : by.toString()));
        logs.close(chat, now);
        return endings.ended(c.closed(by, tags, now));
    }

    void announce(DeskConversation before, DeskConversation closed) {
        if (before.holder() != null) router.wake(closed.orgId());
        if (before.state() == ConversationState.QUEUED) {
            queues.left(closed.id());
            queues.changed(closed.orgId(), closed.groupId());
        }
        var state = DeskEvents.state(closed);
        if (before.agentId() != null) state.put("csat", true); // the survey: only after talking to a person
        pushes.toVisitor(closed.orgId(), closed.visitorId(), DeskPushes.VISITOR_STATE, state);
        if (before.holder() != null) pushes.toAgent(closed.orgId(), before.holder(), DeskPushes.DESK_CONVERSATION, DeskEvents.state(closed));
    }

    /** Closes in its own transaction (the visitor ends it, or an agent does). */
    DeskConversation closeNow(UUID orgId, UUID conversationId, UUID by, List<String> tags, java.util.function.Function<UUID, DeskConversation> lockAndCheck) {
        DeskConversation[] before = new DeskConversation[1];
        DeskConversation closed = tx.inTransaction(() -> {
            before[0] = lockAndCheck.apply(conversationId);
            return close(before[0], by, tags);
        });
        announce(before[0], closed);
        return closed;
    }
}
