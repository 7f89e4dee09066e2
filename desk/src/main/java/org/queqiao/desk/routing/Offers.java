package org.queqiao.desk.routing;

import org.queqiao.desk.ConversationState;
import org.queqiao.desk.DeskConversation;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An offer is a conversation held for one agent until they accept it, decline it or let it lapse
 * (desk.offer-timeout). Declined and lapsed offers go back to their place in the queue, never to be
 * offered to that agent again, and the organisation is drained at once.
 */
public final class Offers {
    private final DeskConversationStore conversations;
    private final RoutingStore routing;
    private final Transactor tx;
    private final Clock clock;
    private final AssignmentHook assigned;
    private final Router router;
    private final OfferListener listener;

    Offers(DeskConversationStore conversations, RoutingStore routing, Transactor tx, Clock clock, AssignmentHook assigned, Router router,
           OfferListener listener) {
        this.conversations = conversations;
        this.routing = routing;
        this.tx = tx;
        this.clock = clock;
        this.assigned = assigned;
        this.router = router;
        this.listener = listener;
    }

    /** What agents and visitors are told once an offer's fate is committed. */
    public interface OfferListener {
        void accepted(DeskConversation c, UUID agentId);

        void withdrawn(DeskConversation c, UUID agentId, String outcome);
    }

    public DeskConversation accept(UUID orgId, UUID agentId, UUID conversationId) {
        DeskConversation c = tx.inTransaction(() -> {
            DeskConversation locked = offeredTo(orgId, agentId, conversationId);
            Instant now = clock.instant();
            if (!conversations.accept(locked.id(), agentId, now)) throw notOffered();
            assigned.assigned(orgId, List.of(new AssignmentHook.Taken(locked.id(), agentId)), now);
            record(locked, agentId, "accepted", now);
            return conversations.find(orgId, locked.id()).orElseThrow();
        });
        listener.accepted(c, agentId);
        return c;
    }

    public void decline(UUID orgId, UUID agentId, UUID conversationId) {
        withdraw(orgId, agentId, conversationId, "declined");
    }

    /** The offer's deadline passed: withdrawn if it is still pending for that agent; otherwise nothing. */
    void expire(UUID orgId, UUID agentId, UUID conversationId) {
        try {
            withdraw(orgId, agentId, conversationId, "expired");
        } catch (ProblemException e) {
            // accepted, declined or closed before the deadline: nothing to do
        }
    }

    private void withdraw(UUID orgId, UUID agentId, UUID conversationId, String outcome) {
        DeskConversation c = tx.inTransaction(() -> {
            DeskConversation locked = offeredTo(orgId, agentId, conversationId);
            if (!conversations.requeue(locked.id(), agentId, ConversationState.OFFERED)) throw notOffered();
            routing.releaseSlot(orgId, agentId);
            record(locked, agentId, outcome, clock.instant());
            return locked;
        });
        listener.withdrawn(c, agentId, outcome);
        router.wake(orgId);
    }

    private DeskConversation offeredTo(UUID orgId, UUID agentId, UUID conversationId) {
        DeskConversation c = conversations.lock(orgId, conversationId).orElseThrow(() -> ProblemException.notFound("Conversation"));
        if (c.state() != ConversationState.OFFERED || !agentId.equals(c.offeredTo())) throw notOffered();
        return c;
    }

    private void record(DeskConversation c, UUID agentId, String outcome, Instant at) {
        routing.recordDecision(new RoutingStore.Decision(Ids.newId(), c.id(), c.orgId(), agentId, c.groupId(), outcome, List.of(), at, outcome));
    }

    private static ProblemException notOffered() {
        return ProblemException.conflict("not_offered", "This conversation is not offered to you (any more): it was taken, withdrawn or closed", null);
    }
}
