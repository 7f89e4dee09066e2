package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Catching up in bounded answers: "more" per conversation and for the whole answer, then nothing missed. */
class ChatSyncLimitsIT {
    @Test
    void largeCatchUpsComeInBoundedAnswersWithoutLoss() throws Exception {
        try (QueqiaoServer server = TestServer.start(Map.of("chat.sync-max-conversations", "2", "chat.sync-per-conversation", "3"))) {
            ApiClient api = new ApiClient("http://127.0.0.1:" + server.httpPort());
            ChatFixture f = new ChatFixture(api, "Sync limits");
            var reader = f.member("Reader");
            Set<String> expected = new HashSet<>();
            for (int c = 0; c < 3; c++) {
                var peer = f.member("Peer " + c);
                String chat = f.direct(peer, reader);
                for (int i = 0; i < 5; i++) {
                    api.post("/api/v1/conversations/" + chat + "/messages", peer.token(), Map.of("clientMsgId", "m" + i, "text", c + "/" + i));
                    expected.add(chat + "#" + (i + 1));
                }
            }
            try (ChatClient r = ChatClient.connect(server.gatewayPort(), reader.token())) {
                Map<String, Long> cursors = new HashMap<>();
                Set<String> got = new HashSet<>();
                int answers = 0;
                boolean more = true;
                while (more && answers < 20) {
                    JsonNode sync = r.ok("chat.sync", Map.of("cursors", cursors));
                    answers++;
                    assertThat(sync.path("conversations").size()).isLessThanOrEqualTo(2);
                    more = sync.path("more").asBoolean();
                    for (JsonNode conv : sync.path("conversations")) {
                        assertThat(conv.path("entries").size()).isLessThanOrEqualTo(3);
                        more |= conv.path("more").asBoolean();
                        for (JsonNode e : conv.path("entries")) {
                            assertThat(got.add(conv.path("conversationId").asText() + "#" + e.path("seq").asLong())).as("nothing twice").isTrue();
                            cursors.put(conv.path("conversationId").asText(), e.path("seq").asLong());
                        }
                    }
                }
                assertThat(got).isEqualTo(expected);
                assertThat(answers).isGreaterThan(2);
            }
        }
    }
}
