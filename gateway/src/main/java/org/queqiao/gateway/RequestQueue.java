package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.platform.realtime.RequestHandler;
import org.queqiao.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.UUID;

/**
 * The requests of one connection, run one at a time in arrival order on a virtual thread (handlers
 * may block on the database), so pipelined sends are stored in the order they were sent. Holds at
 * most {@code gateway.max-pending-requests}; beyond that a request is answered
 * {@code too_many_requests} at once. Costs nothing while idle: no thread and no array.
 */
final class RequestQueue {
    private static final Logger log = LoggerFactory.getLogger(RequestQueue.class);

    private final GatewayContext gw;
    private final ClientConnection connection;
    private Queue<Request> queue; // guarded by this
    private boolean running;      // guarded by this

    record Request(String id, String op, RequestHandler handler, JsonNode data) {}

    RequestQueue(GatewayContext gw, ClientConnection connection) {
        this.gw = gw;
        this.connection = connection;
    }

    /** @return false when the queue is full (the caller answers too_many_requests) */
    boolean offer(Request r) {
        synchronized (this) {
            if (queue == null) queue = new ArrayDeque<>(4);
            if (queue.size() >= gw.settings().maxPendingRequests()) return false;
            queue.add(r);
            if (running) return true;
            running = true;
        }
        gw.requestExecutor().execute(this::drain);
        return true;
    }

    private void drain() {
        while (true) {
            Request r;
            synchronized (this) {
                r = queue.poll();
                if (r == null) {
                    running = false;
                    queue = null;
                    return;
                }
            }
            connection.enqueueText(run(r));
        }
    }

    private String run(Request r) {
        long t0 = System.nanoTime();
        try {
            Object result = r.handler().handle(connection.principal(), r.data());
            gw.metrics().requestServed(r.op(), "ok", System.nanoTime() - t0);
            return ServerFrames.response(r.id(), result);
        } catch (ProblemException e) {
            gw.metrics().requestServed(r.op(), e.code(), System.nanoTime() - t0);
            return ServerFrames.failure(r.id(), e);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            log.error("request {} failed (incident {})", r.op(), incident, e);
            gw.metrics().requestServed(r.op(), "internal_error", System.nanoTime() - t0);
            return ServerFrames.failure(r.id(), new ProblemException(500, "internal_error",
                    "Something went wrong on our side; if it persists, give the operator incident " + incident, null,
                    java.util.Map.of("incident", incident)));
        }
    }
}
