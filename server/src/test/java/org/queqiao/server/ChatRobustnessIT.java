package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad frames, oversized messages and floods get clear errors; offboarding empties every chat of the leaver. */
class ChatRobustnessIT {
    private final ApiClient api = TestServer.client();
    private final int port = TestServer.shared().gatewayPort();

    @Test
    void malformedRequestsAndOversizedMessagesGetClearErrors() throws Exception {
        ChatFixture f = new ChatFixture(api, "Bad input");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);
        try (ChatClient a = ChatClient.connect(port, alice.token())) {
            a.sendFrame("{\"t\":\"req\",\"op\":\"chat.send\"}");
            assertThat(a.errors.poll(3, java.util.concurrent.TimeUnit.SECONDS).path("code").asText()).isEqualTo("malformed_frame");
            assertThat(error(a.call("chat.nope", Map.of()))).isEqualTo("unknown_op");
            assertThat(error(a.call("chat.send", Map.of("conversationId", "not-an-id", "clientMsgId", "a", "text", "x")))).isEqualTo("invalid_id");
            assertThat(error(a.call("chat.send", Map.of("conversationId", chat, "clientMsgId", "a", "text", 42)))).isEqualTo("wrong_type");
            assertThat(error(a.call("chat.send", Map.of("conversationId", chat, "clientMsgId", "has space", "text", "x")))).isEqualTo("invalid_client_msg_id");
            assertThat(error(a.call("chat.send", Map.of("conversationId", chat, "clientMsgId", "a", "kind", "video", "text", "x")))).isEqualTo("invalid_value");
            assertThat(error(a.call("chat.send", Map.of("conversationId", chat, "clientMsgId", "a", "text", "x".repeat(5001))))).isEqualTo("text_too_long");
            assertThat(error(a.call("chat.send", Map.of("conversationId", chat, "clientMsgId", "a", "text", "bell\u0007")))).isEqualTo("control_character");
            assertThat(error(a.call("chat.sync", Map.of("cursors", Map.of(chat, -1))))).isEqualTo("invalid_seq");
            // none of that stored anything; the connection still works
            assertThat(a.ok("chat.history", Map.of("conversationId", chat)).path("entries")).isEmpty();
            assertThat(a.ok("chat.send", Map.of("conversationId", chat, "clientMsgId", "ok", "text", "fine")).path("entry").path("seq").asLong()).isEqualTo(1);
        }
        var http = api.post("/api/v1/conversations/" + chat + "/messages", alice.token(), Map.of("clientMsgId", "b", "text", "x".repeat(5001)));
        assertThat(http.status()).isEqualTo(400);
        assertThat(http.contentType()).startsWith("application/problem+json");
        assertThat(http.json().path("field").asText()).isEqualTo("text");
    }

    @Test
    void aFloodingMemberIsRateLimitedWhileOthersAreServed() throws Exception {
        try (QueqiaoServer server = TestServer.start(Map.of("chat.send-rate", "2", "chat.send-burst", "10"))) {
            ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort());
            int port = server.gatewayPort();
            ChatFixture f = new ChatFixture(api, "Flood");
            var flooder = f.member("Flooder");
            var alice = f.member("Alice");
            var bob = f.member("Bob");
            String noisy = f.direct(flooder, bob);
            String calm = f.direct(alice, bob);
            try (ChatClient fl = ChatClient.connect(port, flooder.token()); ChatClient a = ChatClient.connect(port, alice.token())) {
                List<Map<String, Object>> burst = new ArrayList<>();
                for (int i = 0; i < 60; i++) burst.add(Map.of("conversationId", noisy, "clientMsgId", "f" + i, "text", "spam " + i));
                long t0 = System.nanoTime();
                int limited = 0;
                int stored = 0;
                for (JsonNode res : fl.pipeline("chat.send", burst, 30)) {
                    if (res.path("ok").asBoolean()) {
                        stored++;
                    } else {
                        assertThat(res.path("error").path("code").asText()).isEqualTo("rate_limited");
                        assertThat(res.path("error").path("retryAfterSeconds").asInt()).isEqualTo(1);
                        limited++;
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                // a burst of 10, then 2 per second: whatever the machine's speed, most of the 60 are refused
                assertThat(stored).isBetween(10, 10 + (int) Math.ceil(seconds * 2) + 1);
                assertThat(stored + limited).isEqualTo(60);
                // alice is unaffected, and bob's chat holds exactly the stored messages, numbered 1..stored
                assertThat(a.ok("chat.send", Map.of("conversationId", calm, "clientMsgId", "hello", "text", "你好")).path("entry").path("seq").asLong()).isEqualTo(1);
                assertThat(api.get("/api/v1/conversations/" + noisy, bob.token()).json().path("lastSeq").asLong()).isEqualTo(stored);
            }
        }
    }

    @Test
    void offboardingRemovesTheMemberFromEveryConversationAndHandsOverTheirGroups() throws Exception {
        ChatFixture f = new ChatFixture(api, "Offboard chat");
        var leaver = f.member("Leaver");
        var heir = f.member("Heir");
        var bob = f.member("Bob");
        String owned = f.group(leaver, "Leaver's group", bob);
        String other = f.group(bob, "Bob's group", leaver, heir);
        String direct = f.direct(leaver, bob);
        api.post("/api/v1/conversations/" + direct + "/messages", leaver.token(), Map.of("clientMsgId", "d1", "text", "bye"));
        try (ChatClient b = ChatClient.connect(port, bob.token())) {
            var r = api.post("/api/v1/members/" + leaver.id() + "/deactivate", f.tenant.token(), Map.of("handoverTo", heir.id()));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            for (String conv : List.of(owned, other)) {
                var members = api.get("/api/v1/conversations/" + conv + "/members", bob.token()).json().path("items");
                List<String> ids = new ArrayList<>();
                members.forEach(m -> ids.add(m.path("memberId").asText()));
                assertThat(ids).doesNotContain(leaver.id());
            }
            var ownedMembers = api.get("/api/v1/conversations/" + owned + "/members", bob.token()).json().path("items");
            String newOwner = null;
            for (JsonNode m : ownedMembers) if (m.path("role").asText().equals("owner")) newOwner = m.path("memberId").asText();
            assertThat(newOwner).isEqualTo(heir.id());
            // bob's devices were told, in each group
            List<JsonNode> told = b.pushesOf("chat.entry", 3, 3000);
            assertThat(told).extracting(e -> e.path("body").path("event").path("type").asText())
                    .containsExactlyInAnyOrder("owner_changed", "member_offboarded", "member_offboarded");
            // the direct chat stays readable for bob; the leaver is out of it
            assertThat(api.get("/api/v1/conversations/" + direct + "/entries", bob.token()).json().path("items")).hasSize(1);
            assertThat(api.get("/api/v1/conversations/" + direct + "/members", bob.token()).json().path("items")).hasSize(1);
            assertThat(api.get("/api/v1/conversations/" + direct + "/entries", leaver.token()).status()).isEqualTo(401);
        }
    }

    private static String error(JsonNode res) {
        assertThat(res.path("ok").asBoolean()).as(res.toString()).isFalse();
        return res.path("error").path("code").asText();
    }
}
