package org.queqiao.platform.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The single-node bus. Each subscriber has its own ordered mailbox drained by one virtual thread,
 * so a slow handler delays only itself and publishing never blocks on a handler.
 */
public final class InProcessEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final String nodeId;
    private final Map<String, List<Mailbox>> byTopic = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public InProcessEventBus() {
        this("node-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public InProcessEventBus(String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public void publish(String topic, String payload) {
        Topics.requireValid(topic);
        if (closed) throw new IllegalStateException("bus is closed");
        BusEvent event = new BusEvent(topic, payload, nodeId);
        for (Mailbox m : byTopic.getOrDefault(topic, List.of())) {
            m.offer(event);
        }
    }

    @Override
    public Subscription subscribe(String topic, EventHandler handler) {
        Topics.requireValid(topic);
        if (closed) throw new IllegalStateException("bus is closed");
        Mailbox mailbox = new Mailbox(topic, handler, log);
        byTopic.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(mailbox);
        return () -> {
            byTopic.getOrDefault(topic, List.of()).remove(mailbox);
            mailbox.stop();
        };
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void close() {
        closed = true;
        byTopic.values().forEach(list -> list.forEach(Mailbox::stop));
        byTopic.clear();
    }
}
