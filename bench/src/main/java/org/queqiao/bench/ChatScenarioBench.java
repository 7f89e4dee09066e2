package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import org.queqiao.server.QueqiaoServer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Messaging scenarios against a real in-process server (embedded PostgreSQL, fresh data directory):
 * <ul>
 *   <li>{@code catchup}: a member misses 1,000 messages across 100 conversations, reconnects and
 *   catches up with one chat.sync; repeated, reports the server time (request → answer over loopback)
 *   and checks every message arrived once, without gaps.</li>
 *   <li>{@code offboard}: a member of 500 groups with two devices online is deactivated; reports the
 *   time until the API answers and until both sockets are closed, and checks they are out of every group.</li>
 * </ul>
 * Usage: ChatScenarioBench catchup|offboard [repeats=20]
 */
public final class ChatScenarioBench {
    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "catchup";
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String operator = "bench-operator-token";
        try (QueqiaoServer server = BenchServer.start(Map.of("operator.token", operator, "password.argon2-memory-kib", "64",
                "password.argon2-iterations", "1", "chat.send-rate", "100000", "chat.send-burst", "100000", "gateway.inbound-rate", "100000",
                "gateway.inbound-burst", "100000"))) {
            EventLoopGroup loop = LoadSocket.newLoop(1);
            try {
                Http http = new Http(server.httpPort());
                switch (scenario) {
                    case "catchup" -> catchUp(http, operator, server.gatewayPort(), loop, repeats);
                    case "offboard" -> offboard(http, operator, server.gatewayPort(), loop, repeats);
                    default -> throw new IllegalArgumentException("scenario must be catchup or offboard");
                }
            } finally {
                loop.shutdownGracefully();
            }
        }
    }

    private static void catchUp(Http http, String operator, int gw, EventLoopGroup loop, int repeats) throws Exception {
        ChatBenchOrg org = ChatBenchOrg.create(http, operator, 101);
        String reader = org.tokens.getFirst();
        List<String> conversations = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            conversations.add(http.postJson("/api/v1/conversations/direct", org.tokens.get(i), Map.of("memberId", org.memberIds.getFirst())).json().path("id").asText());
        }
        // 10 messages in each of the 100 conversations while the reader is away
        for (int i = 1; i <= 100; i++) {
            BenchChatClient sender = BenchChatClient.connect(loop, gw, org.tokens.get(i));
            for (int k = 0; k < 10; k++) sender.call("chat.send", Map.of("conversationId", conversations.get(i - 1), "clientMsgId", "m" + k, "text", "missed " + k));
            sender.close();
        }
        BenchChatClient c = BenchChatClient.connect(loop, gw, reader);
        Map<String, Long> cursors = new HashMap<>();
        conversations.forEach(id -> cursors.put(id, 0L));
        long[] samples = new long[repeats];
        for (int r = -3; r < repeats; r++) { // three warm-up rounds
            long t0 = System.nanoTime();
            JsonNode sync = c.call("chat.sync", Map.of("cursors", cursors));
            long t = System.nanoTime() - t0;
            int entries = 0;
            for (JsonNode conv : sync.path("conversations")) {
                long expect = 1;
                for (JsonNode e : conv.path("entries")) {
                    if (e.path("seq").asLong() != expect++) throw new IllegalStateException("gap or duplicate in " + conv.path("conversationId"));
                    entries++;
                }
            }
            if (entries != 1000 || sync.path("more").asBoolean()) throw new IllegalStateException("expected 1000 entries in one answer, got " + entries);
            if (r >= 0) samples[r] = t;
        }
        System.out.printf("catch-up of 1,000 messages in 100 conversations (one chat.sync, request to answer over loopback): %s%n", new Stats(samples).summary());
        c.close();
    }

    private static void offboard(Http http, String operator, int gw, EventLoopGroup loop, int repeats) throws Exception {
        long[] api = new long[repeats];
        long[] closed = new long[repeats];
        for (int r = 0; r < repeats; r++) {
            ChatBenchOrg org = ChatBenchOrg.create(http, operator, 4);
            String leaver = org.memberIds.get(1);
            for (int g = 0; g < 500; g++) {
                var res = http.postJson("/api/v1/conversations", org.tokens.get(g % 3 == 0 ? 1 : 2), Map.of("title", "Group " + g,
                        "memberIds", List.of(org.memberIds.get(1), org.memberIds.get(2), org.memberIds.get(3))));
                if (res.status() != 201) throw new IllegalStateException(res.body());
            }
            BenchChatClient laptop = BenchChatClient.connect(loop, gw, org.tokens.get(1));
            String phoneToken = http.postJson("/api/v1/sessions", null, Map.of("email", email(http, org, 1), "password", "bench password 1")).json().path("token").asText();
            BenchChatClient phone = BenchChatClient.connect(loop, gw, phoneToken);
            long t0 = System.nanoTime();
            var res = http.postJson("/api/v1/members/" + leaver + "/deactivate", org.adminToken, Map.of("handoverTo", org.memberIds.get(3)));
            long answered = System.nanoTime();
            if (res.status() != 200) throw new IllegalStateException(res.body());
            long last = Math.max(laptop.closedAtNanos.get(10, TimeUnit.SECONDS), phone.closedAtNanos.get(10, TimeUnit.SECONDS));
            api[r] = answered - t0;
            closed[r] = last - t0;
            JsonNode list = http.get("/api/v1/conversations?limit=200", org.tokens.get(2)).json();
            for (JsonNode conv : list.path("items")) {
                for (JsonNode m : http.get("/api/v1/conversations/" + conv.path("id").asText() + "/members", org.tokens.get(2)).json().path("items")) {
                    if (m.path("memberId").asText().equals(leaver)) throw new IllegalStateException("still in " + conv.path("id"));
                }
            }
        }
        System.out.printf("offboarding a member of 500 groups, 2 devices online: API answered %s%n", new Stats(api).summary());
        System.out.printf("  ... and both sockets closed: %s%n", new Stats(closed).summary());
    }

    private static String email(Http http, ChatBenchOrg org, int i) throws Exception {
        return http.get("/api/v1/members/" + org.memberIds.get(i), org.adminToken).json().path("email").asText();
    }
}
