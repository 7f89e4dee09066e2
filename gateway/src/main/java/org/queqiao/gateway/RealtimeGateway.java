package org.queqiao.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.realtime.RequestHandlers;
import org.queqiao.platform.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The realtime gateway: one authenticated WebSocket per client device at {@code /ws} on its own
 * port (gateway.port), carrying every server push. Protocol: docs/realtime-protocol.md; design:
 * docs/adr/0002-realtime-gateway-netty.md.
 */
public final class RealtimeGateway implements Pushes, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RealtimeGateway.class);

    private final GatewaySettings settings;
    private final EventBus bus;
    private final ChannelGroup openChannels = new DefaultChannelGroup("gateway", GlobalEventExecutor.INSTANCE);
    private final ExecutorService authExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-auth-", 0).factory());
    private final GatewayContext gw;
    private final BusPushes pushes;
    private final LocalDelivery local;
    private final PresenceTable presence;
    private final java.util.List<EventBus.Subscription> presenceSubscriptions = new java.util.ArrayList<>();
    private Thread presenceSnapshots;
    private volatile NettyServer server; // read by port() without the lock
    private BusSubscriptions subscriptions;
    private boolean stopped;

    private final ExecutorService requestExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-req-", 0).factory());

    public RealtimeGateway(Config config, TokenAuthenticator authenticator, EventBus bus, MeterRegistry meters) {
        this(config, authenticator, bus, meters, new RequestHandlers());
    }

    /** {@code handlers}: the operations clients may request (req frames); more may be registered until clients connect. */
    public RealtimeGateway(Config config, TokenAuthenticator authenticator, EventBus bus, MeterRegistry meters, RequestHandlers handlers) {
        this.settings = GatewaySettings.from(config);
        this.bus = bus;
        GatewayMetrics metrics = new GatewayMetrics(meters, openChannels);
        SessionRegistry registry = new SessionRegistry(settings.resumeWindow(), settings.authTimeout());
        this.local = new LocalDelivery(registry);
        this.presence = new PresenceTable(bus.nodeId(), bus, local);
        this.gw = new GatewayContext(settings, authenticator, authExecutor, handlers, requestExecutor, registry, metrics, presence,
                new java.util.concurrent.CopyOnWriteArrayList<>());
        registerPresenceOps(handlers);
        this.pushes = new BusPushes(bus, metrics);
    }

    /**
     * presence.query {memberIds: up to 500} → {online: {id: bool}}; presence.watch {memberIds: up to 200}
     * → the same, and presence.changed pushes for them until the socket closes or the next watch.
     */
    private void registerPresenceOps(RequestHandlers handlers) {
        handlers.register("presence.query", (p, d) -> java.util.Map.of("online", presence.query(p.orgId(), presenceIds(d, 500))));
        handlers.register("presence.watch", (p, d) -> java.util.Map.of("online", presence.watch(p, presenceIds(d, PresenceTable.MAX_WATCH))));
    }

    private static java.util.List<UUID> presenceIds(com.fasterxml.jackson.databind.JsonNode d, int max) {
        java.util.List<UUID> ids = org.queqiao.platform.json.JsonFields.of(d).ids("memberIds");
        if (ids == null) throw org.queqiao.platform.problem.ProblemException.invalid("memberIds", "required", "memberIds is required");
        if (ids.size() > max) throw org.queqiao.platform.problem.ProblemException.invalid("memberIds", "too_many", "At most " + max + " members at a time");
        return ids;
    }

    /** {@code listener} hears of every device (login session) whose last socket on this node closed. */
    public void addConnectionListener(org.queqiao.platform.realtime.ConnectionListener listener) {
        gw.connectionListeners().add(listener);
    }

    /** Subscribes to the bus and starts listening. */
    public synchronized void start() {
        if (server != null || stopped) throw new IllegalStateException("the gateway can be started once");
        subscriptions = BusSubscriptions.subscribe(bus, local);
        presenceSubscriptions.addAll(presence.subscribe());
        presenceSnapshots = Thread.ofVirtual().name("gateway-presence").start(() -> {
            try {
                while (true) {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(PresenceTable.SNAPSHOT_SECONDS));
                    presence.publishSnapshot();
                }
            } catch (InterruptedException stopped) {
                // the gateway is stopping
            }
        });
        try {
            server = NettyServer.bind(settings, new GatewayChannelInitializer(gw, openChannels));
        } catch (RuntimeException e) {
            subscriptions.close();
            throw e;
        }
        log.info("realtime gateway listening on {}:{}{} ({})", settings.host(), port(), GatewayChannelInitializer.PATH, server.transport());
    }

    /** The port actually bound (useful with gateway.port=0). */
    public int port() {
        if (server == null) throw new IllegalStateException("the gateway is not started");
        return server.port();
    }

    /**
     * Stops accepting, tells every client {@code server_shutdown} (they reconnect elsewhere or later),
     * waits up to {@code drain} for them to close, then closes the rest and releases the event loops.
     * Returns within about {@code drain} plus one second.
     */
    public synchronized void stop(Duration drain) {
        if (server == null || stopped) return;
        stopped = true;
        long deadline = System.nanoTime() + drain.toNanos();
        subscriptions.close();
        presenceSubscriptions.forEach(EventBus.Subscription::close);
        presenceSnapshots.interrupt();
        server.stopAccepting();
        for (Channel ch : openChannels) {
            ClientConnection c = ch.pipeline().get(ClientConnection.class);
            if (c != null) c.disconnect(ErrorCode.SERVER_SHUTDOWN, ErrorCode.SERVER_SHUTDOWN.defaultMessage());
            else ch.close();
        }
        openChannels.newCloseFuture().awaitUninterruptibly(remainingMillis(deadline));
        openChannels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        server.shutdown(Duration.ofMillis(remainingMillis(deadline)));
        authExecutor.shutdownNow();
        requestExecutor.shutdownNow();
        gw.sessions().clear();
        log.info("realtime gateway stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    @Override
    public void pushToMember(UUID orgId, UUID memberId, String topic, Object data) {
        pushes.pushToMember(orgId, memberId, topic, data);
    }

    @Override
    public void pushToMembers(UUID orgId, Collection<UUID> memberIds, String topic, Object data) {
        pushes.pushToMembers(orgId, memberIds, topic, data);
    }

    @Override
    public void pushToSession(UUID sessionId, String topic, Object data) {
        pushes.pushToSession(sessionId, topic, data);
    }

    @Override
    public void pushToSessions(Collection<UUID> sessionIds, String topic, Object data) {
        pushes.pushToSessions(sessionIds, topic, data);
    }

    @Override
    public void disconnectMember(UUID memberId, String code) {
        pushes.disconnectMember(memberId, code);
    }

    @Override
    public void disconnectSessions(Collection<UUID> sessionIds, String code) {
        pushes.disconnectSessions(sessionIds, code);
    }

    @Override
    public int connectionCount() {
        return pushes.connectionCount();
    }
}
