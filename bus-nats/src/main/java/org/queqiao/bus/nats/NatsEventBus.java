package org.queqiao.bus.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import org.queqiao.platform.bus.BusEvent;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.bus.Mailbox;
import org.queqiao.platform.bus.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The cluster bus on core NATS (not JetStream: the bus carries notifications, durable state is in
 * PostgreSQL). Subject = prefix + "." + topic; the publishing node travels in a header. Each
 * subscriber gets its own {@link Mailbox}, so a slow handler never stalls the NATS dispatcher.
 */
public final class NatsEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(NatsEventBus.class);
    static final String ORIGIN_HEADER = "Queqiao-Origin";

    private final Connection nats;
    private final Dispatcher dispatcher;
    private final String prefix;
    private final String nodeId;
    private volatile boolean closed;

    private NatsEventBus(Connection nats, String prefix, String nodeId) {
        this.nats = nats;
        this.prefix = prefix;
        this.nodeId = nodeId;
        this.dispatcher = nats.createDispatcher();
    }

    /** Connects, failing fast with an actionable message when NATS is unreachable; reconnects forever afterwards. */
    public static NatsEventBus connect(String url, String prefix, String nodeId) {
        Topics.requireValid(prefix);
        if (!nodeId.chars().allMatch(c -> c > 32 && c < 127)) {
            // the origin travels in a NATS header, which takes printable ASCII only
            throw new IllegalArgumentException("node.name must be printable ASCII without spaces for the NATS bus: '" + nodeId + "'");
        }
        Options options = new Options.Builder()
                .server(url)
                .connectionName(nodeId)
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .reconnectJitter(Duration.ofMillis(250))
                .connectionListener(listener(url))
                .build();
        try {
            return new NatsEventBus(Nats.connect(options), prefix, nodeId);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach NATS at " + url + ": is nats-server running? set bus.nats-url (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
        }
    }

    private static ConnectionListener listener(String url) {
        return (conn, event) -> {
            switch (event) {
                case DISCONNECTED -> log.warn("lost the NATS connection to {}; reconnecting (cluster notifications pause)", url);
                case RECONNECTED -> log.info("reconnected to NATS at {}", url);
                case CLOSED -> log.info("NATS connection closed");
                default -> log.debug("NATS {}", event);
            }
        };
    }

    @Override
    public void publish(String topic, String payload) {
        Topics.requireValid(topic);
        if (closed) throw new IllegalStateException("bus is closed");
        Headers h = new Headers().put(ORIGIN_HEADER, nodeId);
        try {
            nats.publish(subject(topic), h, payload.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            // NATS unreachable for longer than the reconnect buffer holds. The state this event
            // announces is already committed; failing the caller would turn done work into an error.
            log.warn("NATS unavailable: dropped {} event ({}); clients resync from the database", topic, e.getMessage());
        }
    }

    @Override
    public Subscription subscribe(String topic, EventHandler handler) {
        Topics.requireValid(topic);
        if (closed) throw new IllegalStateException("bus is closed");
        Mailbox mailbox = new Mailbox(topic, handler, log);
        var sub = dispatcher.subscribe(subject(topic), msg -> {
            String origin = msg.hasHeaders() ? msg.getHeaders().getFirst(ORIGIN_HEADER) : null;
            mailbox.offer(new BusEvent(topic, new String(msg.getData(), StandardCharsets.UTF_8), origin == null ? "unknown" : origin));
        });
        flushQuietly();
        return () -> {
            dispatcher.unsubscribe(sub);
            mailbox.stop();
        };
    }

    /** Makes sure the server has registered a new subscription before the caller goes on publishing. */
    private void flushQuietly() {
        try {
            nats.flush(Duration.ofSeconds(2));
        } catch (Exception e) {
            log.debug("NATS flush after subscribe did not complete: {}", e.toString());
        }
    }

    private String subject(String topic) {
        return prefix + "." + topic;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
