package org.queqiao.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.bus.Topics;
import org.queqiao.platform.json.Json;

import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link Pushes} by publishing on the bus: this node receives its own events like any other, so a
 * single node and a cluster take the same path (see {@link BusSubscriptions} for the other end).
 */
final class BusPushes implements Pushes {
    private final EventBus bus;
    private final GatewayMetrics metrics;

    BusPushes(EventBus bus, GatewayMetrics metrics) {
        this.bus = bus;
        this.metrics = metrics;
    }

    @Override
    public void pushToMember(UUID orgId, UUID memberId, String topic, Object data) {
        ObjectNode header = header(topic)
                .put("orgId", Objects.requireNonNull(orgId, "orgId").toString())
                .put("memberId", Objects.requireNonNull(memberId, "memberId").toString());
        bus.publish(GatewayTopics.PUSH, PushEnvelope.of(header, Json.write(data)));
    }

    /** Members per bus event: keeps each event well under NATS's default 1 MiB payload limit. */
    static final int MEMBERS_PER_EVENT = 5_000;

    @Override
    public void pushToMembers(UUID orgId, Collection<UUID> memberIds, String topic, Object data) {
        if (memberIds.isEmpty()) return;
        Objects.requireNonNull(orgId, "orgId");
        String dataJson = Json.write(data); // once, however many members and bus events
        java.util.Iterator<UUID> it = memberIds.iterator();
        while (it.hasNext()) {
            ObjectNode header = header(topic).put("orgId", orgId.toString());
            var ids = header.putArray("memberIds");
            for (int i = 0; i < MEMBERS_PER_EVENT && it.hasNext(); i++) ids.add(it.next().toString());
            bus.publish(GatewayTopics.PUSH, PushEnvelope.of(header, dataJson));
        }
    }

    @Override
    public void pushToSession(UUID sessionId, String topic, Object data) {
        ObjectNode header = header(topic).put("sessionId", Objects.requireNonNull(sessionId, "sessionId").toString());
        bus.publish(GatewayTopics.PUSH, PushEnvelope.of(header, Json.write(data)));
    }

    @Override
    public void pushToSessions(Collection<UUID> sessionIds, String topic, Object data) {
        if (sessionIds.isEmpty()) return;
        ObjectNode header = header(topic);
        var ids = header.putArray("sessionIds");
        sessionIds.forEach(id -> ids.add(Objects.requireNonNull(id, "sessionId").toString()));
        bus.publish(GatewayTopics.PUSH, PushEnvelope.of(header, Json.write(data)));
    }

    @Override
    public void disconnectMember(UUID memberId, String code) {
        ErrorCode.fromWire(code);
        ObjectNode n = Json.MAPPER.createObjectNode().put("memberId", Objects.requireNonNull(memberId, "memberId").toString()).put("code", code);
        bus.publish(GatewayTopics.DISCONNECT, n.toString());
    }

    @Override
    public void disconnectSessions(Collection<UUID> sessionIds, String code) {
        ErrorCode.fromWire(code);
        if (sessionIds.isEmpty()) return;
        ObjectNode n = Json.MAPPER.createObjectNode().put("code", code);
        sessionIds.forEach(id -> n.withArray("sessionIds").add(id.toString()));
        bus.publish(GatewayTopics.DISCONNECT, n.toString());
    }

    @Override
    public int connectionCount() {
        return metrics.authenticatedConnections();
    }

    private static ObjectNode header(String topic) {
        return Json.MAPPER.createObjectNode().put("topic", Topics.requireValid(topic));
    }
}
