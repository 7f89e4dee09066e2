package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.json.Json;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Who is online, on any node: a member is online while at least one of their sockets is connected
 * somewhere. Each node counts its own sockets and announces a member's first and last socket on the
 * bus; every node keeps the whole table. Each node also sends its full list every
 * {@link #SNAPSHOT_SECONDS} seconds, and forgets a node it has not heard from for three times that
 * (a crashed node's members go offline). Bounded on purpose: nothing is broadcast to groups —
 * clients ask about the members on their screen ({@code presence.query}) or watch up to
 * {@link #MAX_WATCH} of them ({@code presence.watch}), and only watchers are told of changes.
 */
final class PresenceTable {
    static final String CHANGED = "gateway.presence";
    static final String SNAPSHOT = "gateway.presence-snapshot";
    static final String PUSH_TOPIC = "presence.changed";
    static final int MAX_WATCH = 200;
    static final long SNAPSHOT_SECONDS = 30;

    private final String nodeId;
    private final EventBus bus;
    private final LocalDelivery local;
    private final Map<UUID, Integer> localSockets = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> orgOf = new ConcurrentHashMap<>();
    private final Map<UUID, Set<String>> nodesOf = new ConcurrentHashMap<>();
    private final Map<String, Long> lastHeardNanos = new ConcurrentHashMap<>();
    private final Map<UUID, Set<UUID>> watchersOf = new ConcurrentHashMap<>();   // member → login sessions watching
    private final Map<UUID, Set<UUID>> watchedBy = new ConcurrentHashMap<>();    // login session → members watched

    PresenceTable(String nodeId, EventBus bus, LocalDelivery local) {
        this.nodeId = nodeId;
        this.bus = bus;
        this.local = local;
    }

    List<EventBus.Subscription> subscribe() {
        return List.of(bus.subscribe(CHANGED, e -> onChanged(Json.read(e.payload(), JsonNode.class))),
                bus.subscribe(SNAPSHOT, e -> onSnapshot(Json.read(e.payload(), JsonNode.class))));
    }

    /** A socket of this member was admitted on this node. */
    void connected(Principal p) {
        orgOf.put(p.memberId(), p.orgId());
        if (localSockets.merge(p.memberId(), 1, Integer::sum) == 1) announce(p.orgId(), p.memberId(), true);
    }

    /** A socket of this member closed on this node. */
    void disconnected(Principal p) {
        Integer left = localSockets.computeIfPresent(p.memberId(), (k, n) -> n <= 1 ? null : n - 1);
        if (left == null) announce(p.orgId(), p.memberId(), false);
        unwatch(p.sessionId());
    }

    Map<String, Boolean> query(UUID orgId, Collection<UUID> memberIds) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (UUID m : memberIds) out.put(m.toString(), isOnline(orgId, m));
        return out;
    }

    /** Replaces the login session's watch list; @return the watched members' current state */
    Map<String, Boolean> watch(Principal p, Collection<UUID> memberIds) {
        unwatch(p.sessionId());
        Set<UUID> set = new HashSet<>(memberIds);
        watchedBy.put(p.sessionId(), set);
        for (UUID m : set) watchersOf.computeIfAbsent(m, k -> ConcurrentHashMap.newKeySet()).add(p.sessionId());
        return query(p.orgId(), set);
    }

    private void unwatch(UUID sessionId) {
        Set<UUID> old = watchedBy.remove(sessionId);
        if (old == null) return;
        for (UUID m : old) watchersOf.computeIfPresent(m, (k, s) -> {
            s.remove(sessionId);
            return s.isEmpty() ? null : s;
        });
    }

    private boolean isOnline(UUID orgId, UUID memberId) {
        Set<String> nodes = nodesOf.get(memberId);
        return nodes != null && !nodes.isEmpty() && orgId.equals(orgOf.get(memberId));
    }

    private void announce(UUID orgId, UUID memberId, boolean online) {
        bus.publish(CHANGED, Json.MAPPER.createObjectNode().put("node", nodeId).put("orgId", orgId.toString())
                .put("memberId", memberId.toString()).put("online", online).toString());
    }

    private void onChanged(JsonNode n) {
        String node = n.path("node").asText();
        lastHeardNanos.put(node, System.nanoTime());
        set(UUID.fromString(n.path("orgId").asText()), UUID.fromString(n.path("memberId").asText()), node, n.path("online").asBoolean());
    }

    private void set(UUID orgId, UUID memberId, String node, boolean online) {
        boolean before = isOnline(orgId, memberId);
        orgOf.put(memberId, orgId);
        if (online) {
            nodesOf.computeIfAbsent(memberId, k -> ConcurrentHashMap.newKeySet()).add(node);
        } else {
            nodesOf.computeIfPresent(memberId, (k, s) -> {
                s.remove(node);
                return s.isEmpty() ? null : s;
            });
        }
        boolean after = isOnline(orgId, memberId);
        if (before != after) tellWatchers(memberId, after);
    }

    private void tellWatchers(UUID memberId, boolean online) {
        Set<UUID> sessions = watchersOf.get(memberId);
        if (sessions == null) return;
        String data = Json.MAPPER.createObjectNode().put("memberId", memberId.toString()).put("online", online).toString();
        for (UUID s : sessions) local.pushToLoginSession(s, PUSH_TOPIC, data);
    }

    /** This node's full list, so the others can correct drift and notice when it is gone. */
    void publishSnapshot() {
        ObjectNode n = Json.MAPPER.createObjectNode().put("node", nodeId);
        ArrayNode members = n.putArray("members");
        localSockets.keySet().forEach(m -> members.addArray().add(String.valueOf(orgOf.get(m))).add(m.toString()));
        bus.publish(SNAPSHOT, n.toString());
        expireSilentNodes();
    }

    private void onSnapshot(JsonNode n) {
        String node = n.path("node").asText();
        lastHeardNanos.put(node, System.nanoTime());
        Set<UUID> listed = new HashSet<>();
        for (JsonNode pair : n.path("members")) {
            if (pair.get(0).asText().equals("null")) continue;
            UUID member = UUID.fromString(pair.get(1).asText());
            listed.add(member);
            set(UUID.fromString(pair.get(0).asText()), member, node, true);
        }
        for (UUID m : List.copyOf(nodesOf.keySet())) {
            Set<String> nodes = nodesOf.get(m);
            if (nodes != null && nodes.contains(node) && !listed.contains(m)) set(orgOf.get(m), m, node, false);
        }
    }

    private void expireSilentNodes() {
        long now = System.nanoTime();
        for (var e : lastHeardNanos.entrySet()) {
            if (e.getKey().equals(nodeId) || now - e.getValue() < TimeUnit.SECONDS.toNanos(3 * SNAPSHOT_SECONDS)) continue;
            lastHeardNanos.remove(e.getKey());
            for (UUID m : List.copyOf(nodesOf.keySet())) {
                Set<String> nodes = nodesOf.get(m);
                if (nodes != null && nodes.contains(e.getKey())) set(orgOf.get(m), m, e.getKey(), false);
            }
        }
    }
}
