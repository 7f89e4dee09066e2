package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.bus.Topics;
import org.queqiao.platform.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The gateway's bus subscriptions. Each topic has its own mailbox on the bus, so a burst of pushes
 * never delays a deactivation. Handlers only enqueue work onto event loops: they never block.
 */
final class BusSubscriptions implements AutoCloseable {
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    static BusSubscriptions subscribe(EventBus bus, LocalDelivery local) {
        BusSubscriptions s = new BusSubscriptions();
        s.subscriptions.add(bus.subscribe(GatewayTopics.PUSH, e -> onPush(local, PushEnvelope.parse(e.payload()))));
        s.subscriptions.add(bus.subscribe(GatewayTopics.DISCONNECT, e -> onDisconnect(local, read(e.payload()))));
        s.subscriptions.add(bus.subscribe(Topics.MEMBER_DEACTIVATED,
                e -> local.endMember(uuid(read(e.payload()), "memberId"), ErrorCode.MEMBER_DEACTIVATED)));
        s.subscriptions.add(bus.subscribe(Topics.SESSIONS_REVOKED,
                e -> local.endLoginSessions(uuids(read(e.payload()).path("sessionIds")), ErrorCode.SESSION_REVOKED)));
        return s;
    }

    private static void onPush(LocalDelivery local, PushEnvelope envelope) {
        JsonNode n = envelope.header();
        String topic = Topics.requireValid(n.path("topic").asText());
        String dataJson = envelope.dataJson(); // never re-parsed: shared as is by every session it reaches
        if (n.has("memberIds")) {
            local.pushToMembers(uuid(n, "orgId"), uuids(n.path("memberIds")), topic, dataJson);
        } else if (n.has("sessionIds")) {
            uuids(n.path("sessionIds")).forEach(id -> local.pushToLoginSession(id, topic, dataJson));
        } else if (n.hasNonNull("sessionId")) {
            local.pushToLoginSession(uuid(n, "sessionId"), topic, dataJson);
        } else {
            local.pushToMember(uuid(n, "orgId"), uuid(n, "memberId"), topic, dataJson);
        }
    }

    private static void onDisconnect(LocalDelivery local, JsonNode n) {
        ErrorCode code = ErrorCode.fromWire(n.path("code").asText());
        if (n.hasNonNull("memberId")) local.endMember(uuid(n, "memberId"), code);
        else local.endLoginSessions(uuids(n.path("sessionIds")), code);
    }

    private static JsonNode read(String payload) {
        return Json.read(payload, JsonNode.class);
    }

    private static UUID uuid(JsonNode n, String field) {
        return UUID.fromString(n.path(field).asText());
    }

    private static List<UUID> uuids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(id -> ids.add(UUID.fromString(id.asText())));
        return ids;
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}
