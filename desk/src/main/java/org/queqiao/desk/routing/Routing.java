package org.queqiao.desk.routing;

import org.queqiao.desk.DeskConversation;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Routing assembled: the router that drains on events, offers with their deadlines, and who is told.
 * {@link #start} re-arms the deadlines of offers made before this node started (or by a node that died).
 */
public final class Routing implements AutoCloseable {
    private final Router router;
    private final Offers offers;
    private final DeskTimers timers;
    private final DeskConversationStore conversations;

    /**
     * @param routingTx the router's passes (connections of their own)
     * @param tx        agents' answers to offers, and deadlines: ordinary requests, on the shared pool
     * @param routingThreads platform threads the passes run on (as many as {@code routingTx} has connections)
     */
    public Routing(RoutingStore store, DeskConversationStore conversations, Transactor routingTx, Transactor tx, Clock clock, Duration offerTimeout,
                   AssignmentHook assigned, RoutingListener routed, Offers.OfferListener offerListener, DeskTimers timers, RoutingLatency latency,
                   int routingThreads) {
        this.conversations = conversations;
        this.timers = timers;
        Offers[] self = new Offers[1];
        this.router = new Router(new Drain(store, routingTx, clock, offerTimeout, assigned), (orgId, result) -> {
            for (Drain.Handed h : result.handed()) {
                if (h.offerExpiresAt() != null) timers.at(h.offerExpiresAt(), () -> self[0].expire(orgId, h.agentId(), h.conversationId()));
            }
            routed.routed(orgId, result);
        }, latency, routingThreads);
        this.offers = new Offers(conversations, store, tx, clock, assigned, router, offerListener);
        self[0] = offers;
    }

    /** Something changed in the organisation that may let a waiting visitor be served. */
    public void wake(UUID orgId) {
        router.wake(orgId);
    }

    public Offers offers() {
        return offers;
    }

    /** Re-arms pending offers' deadlines and drains every organisation with a queue. */
    public void start() {
        java.util.Set<UUID> orgs = new java.util.HashSet<>();
        for (DeskConversation c : conversations.pendingOffers()) {
            timers.at(c.offerExpiresAt(), () -> offers.expire(c.orgId(), c.offeredTo(), c.id()));
            orgs.add(c.orgId());
        }
        for (DeskConversation c : conversations.queued()) orgs.add(c.orgId());
        orgs.forEach(router::wake);
    }

    @Override
    public void close() {
        router.close();
    }
}
