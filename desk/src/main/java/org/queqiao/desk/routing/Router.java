package org.queqiao.desk.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs drains when something changes, never on a tick (ADR 0010): a conversation queued, a slot freed,
 * an agent online, an offer declined or lapsed. One organisation's drains run one at a time on this
 * node (and, through the database lock, across nodes); wake-ups that arrive while a drain runs fold
 * into one more pass, so a burst of 200 arrivals costs a handful of passes, not 200.
 *
 * <p>Passes run on a few platform threads of their own (as many as the router's connections), not on virtual
 * threads: a pass is a dozen statements, and a virtual thread woken by each answer queues for a carrier behind
 * every runnable request thread, which on a busy node added milliseconds per statement to every decision
 * (bench/desk-load.sh at churn 50/s: queued → assigned p99 58–93 ms against 77–127 ms on virtual threads).
 */
public final class Router implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Drain drain;
    private final RoutingListener listener;
    private final RoutingLatency latency;
    private final ExecutorService lanes;
    private final Map<UUID, Lane> byOrg = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Router(Drain drain, RoutingListener listener, RoutingLatency latency, int threads) {
        this.lanes = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("desk-routing-", 0).daemon().factory());
        this.drain = drain;
        this.listener = listener;
        this.latency = latency;
    }

    /**
     * One organisation's drains: running, whether another pass was asked for meanwhile, and since when
     * the oldest wake-up not yet seen by a pass has waited (0: none).
     */
    private static final class Lane {
        boolean running;
        boolean again;
        long wokenAtNanos;
    }

    /** Asks for a drain of the organisation; returns at once. */
    public void wake(UUID orgId) {
        if (closed) return;
        Lane lane = byOrg.computeIfAbsent(orgId, k -> new Lane());
        synchronized (lane) {
            if (lane.wokenAtNanos == 0) lane.wokenAtNanos = System.nanoTime();
            if (lane.running) {
                lane.again = true;
                return;
            }
            lane.running = true;
        }
        submit(orgId, lane);
    }

    private void submit(UUID orgId, Lane lane) {
        try {
            lanes.execute(() -> runLane(orgId, lane));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            synchronized (lane) {
                lane.running = false;
            }
        }
    }

    /** One pass; if another was asked for meanwhile, the lane goes to the back of the pool's queue for it (fair among organisations). */
    private void runLane(UUID orgId, Lane lane) {
        long since;
        synchronized (lane) {
            lane.again = false;
            since = lane.wokenAtNanos;
            lane.wokenAtNanos = 0;
        }
        try {
            Drain.Result r = drain.run(orgId);
            if (!r.handed().isEmpty() && since != 0) latency.decided(System.nanoTime() - since, r.handed().size());
            if (!r.handed().isEmpty() || !r.groupsChanged().isEmpty()) listener.routed(orgId, r);
            if (r.more()) {
                synchronized (lane) {
                    lane.again = true;
                    // what is left was waiting already: the next pass is timed from now, not from nothing
                    if (lane.wokenAtNanos == 0) lane.wokenAtNanos = System.nanoTime();
                }
            }
        } catch (RuntimeException e) {
            // the next event drains again; nothing was half-written (one transaction)
            log.warn("routing organisation {} failed", orgId, e);
        }
        synchronized (lane) {
            if (!lane.again || closed) {
                lane.running = false;
                return;
            }
        }
        submit(orgId, lane);
    }

    @Override
    public void close() {
        closed = true;
        lanes.close();
    }
}
