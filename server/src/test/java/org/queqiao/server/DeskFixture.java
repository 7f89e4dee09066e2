package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An organisation with a desk set up over HTTP (a group, a web channel, agents), and visitors, for desk tests. */
final class DeskFixture {
    final ChatFixture org;
    final ApiClient api;
    final int gatewayPort;
    final String groupId;
    final JsonNode channel;

    record Visitor(String id, String token) {}

    DeskFixture(ApiClient api, int gatewayPort, String orgName) {
        this.api = api;
        this.gatewayPort = gatewayPort;
        this.org = new ChatFixture(api, orgName);
        this.groupId = ok(api.post("/api/v1/desk/groups", owner().token(), Map.of("name", "Support")), 201).path("id").asText();
        this.channel = ok(api.post("/api/v1/desk/channels", owner().token(),
                Map.of("name", "Website", "groupId", groupId, "identified", true)), 201);
    }

    ChatFixture.Person owner() {
        return org.owner();
    }

    /** A member with an agent seat in the fixture's group. */
    ChatFixture.Person agent(String name, int maxConcurrent) {
        ChatFixture.Person p = org.member(name);
        seat(p, maxConcurrent, false);
        return p;
    }

    void seat(ChatFixture.Person p, int maxConcurrent, boolean supervisor) {
        ok(api.post("/api/v1/desk/agents", owner().token(), Map.of("memberId", p.id(), "maxConcurrent", maxConcurrent, "supervisor", supervisor,
                "groupIds", List.of(groupId))), 201);
    }

    /** The agent's device, online. */
    ChatClient online(ChatFixture.Person agent) throws Exception {
        ChatClient c = ChatClient.connect(gatewayPort, agent.token());
        c.ok("desk.status", Map.of("status", "online"));
        return c;
    }

    /** A new anonymous visitor from the widget. */
    Visitor visitor() {
        return visitor(Map.of());
    }

    Visitor visitor(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("widgetKey", channel.path("widgetKey").asText());
        JsonNode t = ok(api.post("/api/v1/desk/widget/sessions", null, body), 201);
        return new Visitor(t.path("visitorId").asText(), t.path("token").asText());
    }

    ChatClient connect(Visitor v) throws Exception {
        return ChatClient.connect(gatewayPort, v.token());
    }

    /** Opens the visitor's conversation over the API channel and hands it to a person; returns its id. */
    String queued(Visitor v) {
        String id = ok(api.get("/api/v1/desk/visitor/conversation", v.token()), 200).path("conversation").path("id").asText();
        ok(api.post("/api/v1/desk/visitor/human", v.token(), Map.of()), 200);
        return id;
    }

    static String clientMsgId() {
        return UUID.randomUUID().toString();
    }

    static JsonNode ok(ApiClient.Response r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.json();
    }
}
