package org.queqiao.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.group.ChannelGroup;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's meters; counters are registered up front so the hot path is one increment. */
final class GatewayMetrics {
    private final AtomicInteger authenticated = new AtomicInteger();
    private final Counter pushesDelivered;
    private final Counter refusedAtCapacity;
    private final MeterRegistry registry;
    private final Map<String, io.micrometer.core.instrument.Timer> requestTimers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<ErrorCode, Counter> rejected = new EnumMap<>(ErrorCode.class);
    private final Map<ErrorCode, Counter> disconnects = new EnumMap<>(ErrorCode.class);

    GatewayMetrics(MeterRegistry registry, ChannelGroup openChannels) {
        this.registry = registry;
        Gauge.builder("queqiao.gateway.connections", openChannels, ChannelGroup::size)
                .description("Open sockets on the gateway port, authenticated or not")
                .register(registry);
        Gauge.builder("queqiao.gateway.connections.authenticated", authenticated, AtomicInteger::get)
                .description("Authenticated realtime connections")
                .register(registry);
        refusedAtCapacity = Counter.builder("queqiao.gateway.connections.refused")
                .description("Sockets closed on accept because gateway.max-connections were open").register(registry);
        pushesDelivered = Counter.builder("queqiao.gateway.pushes.delivered")
                .description("Push frames written to client sockets, replays included")
                .register(registry);
        for (ErrorCode code : ErrorCode.values()) {
            rejected.put(code, Counter.builder("queqiao.gateway.frames.rejected").tag("reason", code.wire())
                    .description("Client frames answered with an error frame").register(registry));
            disconnects.put(code, Counter.builder("queqiao.gateway.disconnects").tag("reason", code.wire())
                    .description("Connections the server closed, by error code (slow_consumer among them)").register(registry));
        }
    }

    void connectionRefusedAtCapacity() {
        refusedAtCapacity.increment();
    }

    void pushDelivered() {
        pushesDelivered.increment();
    }

    /** {@code outcome}: "ok" or the problem code; both come from bounded sets (registered ops, documented codes). */
    void requestServed(String op, String outcome, long nanos) {
        requestTimers.computeIfAbsent(op + ' ' + outcome, k -> io.micrometer.core.instrument.Timer.builder("queqiao.gateway.requests")
                .description("Requests served over realtime connections, by operation and outcome")
                .tag("op", op).tag("outcome", outcome).register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void frameRejected(ErrorCode reason) {
        rejected.get(reason).increment();
    }

    void disconnected(ErrorCode reason) {
        disconnects.get(reason).increment();
    }

    void connectionAuthenticated() {
        authenticated.incrementAndGet();
    }

    void authenticatedConnectionClosed() {
        authenticated.decrementAndGet();
    }

    int authenticatedConnections() {
        return authenticated.get();
    }
}
