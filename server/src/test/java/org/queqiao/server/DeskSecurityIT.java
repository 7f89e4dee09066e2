package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input and boundaries at the desk: forged identities, visitors and members in each other's operations, tenants, seats, floods. */
class DeskSecurityIT {
    private final ApiClient api = TestServer.client();
    private final int gatewayPort = TestServer.shared().gatewayPort();

    @Test
    void aSignedUserIdIsTheSameVisitorAndAForgedSignatureIsRefused() {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk identity");
        String secret = desk.channel.path("identitySecret").asText();
        String widgetKey = desk.channel.path("widgetKey").asText();
        var first = api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "userId", "u-1001", "signature", sign(secret, "u-1001")));
        var again = api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "userId", "u-1001", "signature", sign(secret, "u-1001")));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.json().path("visitorId").asText()).isEqualTo(first.json().path("visitorId").asText());

        var forged = api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "userId", "u-1001", "signature", sign("guess", "u-1001")));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("bad_visitor_signature");
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "userId", "u-1001")).code()).isEqualTo("bad_visitor_signature");
        assertThat(api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "userId", "u-1001", "signature", "zz")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", "qw_nope")).code()).isEqualTo("no_such_channel");

        // an anonymous visitor who keeps its token comes back as itself; a made-up token starts someone new
        DeskFixture.Visitor anon = desk.visitor();
        var back = api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "token", anon.token()));
        assertThat(back.json().path("visitorId").asText()).isEqualTo(anon.id());
        var withDetails = api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "token", back.json().path("token").asText(),
                "name", "回头客", "email", "back@example.cn"));
        assertThat(withDetails.json().path("visitorId").asText()).as("a pre-chat form fills in the same visitor").isEqualTo(anon.id());
        var stranger = api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKey, "token", "qv_" + "x".repeat(43)));
        assertThat(stranger.json().path("visitorId").asText()).isNotEqualTo(anon.id());
    }

    @Test
    void visitorsAndMembersStayInTheirOwnOperationsAndTenantsNeverMeet() throws Exception {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk walls");
        DeskFixture other = new DeskFixture(api, gatewayPort, "Desk other");
        var agent = desk.agent("Agent", 2);
        DeskFixture.Visitor v = desk.visitor();
        DeskFixture.Visitor w = desk.visitor();
        String conversation = desk.queued(v);
        try (ChatClient visitor = desk.connect(v); ChatClient member = ChatClient.connect(gatewayPort, agent.token())) {
            assertThat(MeetingFixture.code(visitor.call("chat.send", Map.of("conversationId", conversation, "clientMsgId", "x", "kind", "text", "text", "hi"))))
                    .isEqualTo("visitor_not_allowed");
            assertThat(MeetingFixture.code(visitor.call("desk.mine", Map.of()))).isEqualTo("visitor_not_allowed");
            assertThat(MeetingFixture.code(member.call("visitor.open", Map.of()))).isEqualTo("visitor_only");
            // a visitor reads only its own conversations
            assertThat(MeetingFixture.code(visitor.call("visitor.transcript", Map.of("conversationId", desk.queued(w))))).isEqualTo("not_found");
            // an agent of another organisation, or a member without a seat, sees nothing
            var outsider = other.agent("Outsider", 2);
            try (ChatClient o = other.online(outsider)) {
                assertThat(MeetingFixture.code(o.call("desk.detail", Map.of("conversationId", conversation)))).isEqualTo("not_found");
                assertThat(MeetingFixture.code(o.call("desk.accept", Map.of("conversationId", conversation)))).isEqualTo("not_found");
            }
            var plain = desk.org.member("No seat");
            try (ChatClient p = ChatClient.connect(gatewayPort, plain.token())) {
                assertThat(MeetingFixture.code(p.call("desk.status", Map.of("status", "online")))).isEqualTo("not_an_agent");
            }
            assertThat(api.get("/api/v1/desk/conversations", other.owner().token()).json().path("items")).isEmpty();
            assertThat(api.get("/api/v1/desk/conversations", agent.token()).code()).isEqualTo("supervisor_required");
        }
    }

    @Test
    void seatsAreCappedByThePlan() {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk seats");
        desk.agent("One", 2);
        desk.agent("Two", 2);
        var third = desk.org.member("Three");
        var r = api.post("/api/v1/desk/agents", desk.owner().token(), Map.of("memberId", third.id(), "groupIds", List.of(desk.groupId)));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("quota_exceeded");
        assertThat(r.json().path("quota").asText()).isEqualTo("agentSeats");
        assertThat(r.json().path("limit").asInt()).isEqualTo(2);
    }

    @Test
    void oversizedMessagesAndFloodsAreRefusedWithoutHarmingOtherVisitors() throws Exception {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk flood");
        DeskFixture.Visitor flooder = desk.visitor();
        DeskFixture.Visitor calm = desk.visitor();
        try (ChatClient f = desk.connect(flooder); ChatClient c = desk.connect(calm)) {
            f.ok("visitor.open", Map.of());
            c.ok("visitor.open", Map.of());
            assertThat(MeetingFixture.code(f.call("visitor.send", Map.of("clientMsgId", "big", "text", "字".repeat(5001))))).isEqualTo("text_too_long");
            List<Object> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) burst.add(Map.of("clientMsgId", "f" + i, "text", "flood " + i));
            List<JsonNode> answers = f.pipeline("visitor.send", burst, 400);
            long limited = answers.stream().filter(a -> "rate_limited".equals(MeetingFixture.code(a))).count();
            assertThat(limited).as("the flood is cut off").isGreaterThan(0);
            JsonNode calmSend = c.ok("visitor.send", Map.of("clientMsgId", "c1", "text", "你好"));
            assertThat(calmSend.path("entry").path("seq").asLong()).isPositive();
        }
    }

    private static String sign(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
