package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Searching history: Chinese and English, only where the searcher is a member now. */
class ChatSearchIT {
    private final ApiClient api = TestServer.client();

    @Test
    void findsChineseAndEnglishOnlyInTheSearchersConversations() throws Exception {
        ChatFixture f = new ChatFixture(api, "Search");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        var carol = f.member("Carol");
        String group = f.group(alice, "项目组", bob, carol);
        String direct = f.direct(alice, bob);
        send(alice, group, "g1", "我们明天下午开会讨论鹊桥项目的预算");
        send(bob, group, "g2", "The quarterly meetings moved to Friday");
        send(alice, direct, "d1", "预算表我发你邮箱了");
        long recalled = send(alice, group, "g3", "鹊桥的密码是 12345").path("entry").path("seq").asLong();
        api.post("/api/v1/conversations/" + group + "/messages/" + recalled + "/recall", alice.token(), Map.of("clientMsgId", "g3r"));

        assertThat(texts(search(bob, "预算", 2))).containsExactlyInAnyOrder("我们明天下午开会讨论鹊桥项目的预算", "预算表我发你邮箱了");
        assertThat(texts(search(bob, "meeting", 1))).containsExactly("The quarterly meetings moved to Friday");
        assertThat(texts(search(bob, "鹊桥项目", 1))).containsExactly("我们明天下午开会讨论鹊桥项目的预算");
        // carol is not in the direct chat; the recalled message is gone for everyone
        assertThat(texts(search(carol, "预算", 1))).containsExactly("我们明天下午开会讨论鹊桥项目的预算");
        assertThat(texts(search(bob, "密码", 0))).isEmpty();
        // within one conversation
        assertThat(texts(api.get("/api/v1/chat/search?q=" + enc("预算") + "&conversationId=" + direct, bob.token()).json().path("items")))
                .containsExactly("预算表我发你邮箱了");
        // carol leaves: at once she finds nothing of the group
        assertThat(api.delete("/api/v1/conversations/" + group + "/members/" + carol.id(), carol.token()).status()).isEqualTo(204);
        assertThat(texts(api.get("/api/v1/chat/search?q=" + enc("预算"), carol.token()).json().path("items"))).isEmpty();
        // another organisation finds nothing
        var stranger = new ChatFixture(api, "Other search").member("Stranger");
        assertThat(texts(api.get("/api/v1/chat/search?q=" + enc("预算"), stranger.token()).json().path("items"))).isEmpty();
        // hostile or empty queries are answered, never a 500
        assertThat(api.get("/api/v1/chat/search?q=" + enc("'&|!():*<->"), bob.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/chat/search?q=", bob.token()).code()).isEqualTo("required");
    }

    @Test
    void anEditedMessageIsFoundByItsNewWordsAndNoLongerByItsOld() throws Exception {
        ChatFixture f = new ChatFixture(api, "Search edits");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String direct = f.direct(alice, bob);
        long seq = send(alice, direct, "e1", "评审会改到星期五上午").path("entry").path("seq").asLong();
        assertThat(texts(search(bob, "星期五", 1))).containsExactly("评审会改到星期五上午");
        var edit = api.patch("/api/v1/conversations/" + direct + "/messages/" + seq, alice.token(), Map.of("clientMsgId", "e1e", "text", "评审会改到下周一 budget review"));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        // the old words stop matching with the edit itself, before the indexer has the new ones
        assertThat(texts(api.get("/api/v1/chat/search?q=" + enc("星期五"), bob.token()).json().path("items"))).isEmpty();
        assertThat(texts(search(bob, "budget", 1))).containsExactly("评审会改到下周一 budget review");
        assertThat(texts(search(bob, "评审会", 1))).as("indexed once, not once per edit").hasSize(1);
    }

    private JsonNode send(ChatFixture.Person p, String conv, String id, String text) {
        var r = api.post("/api/v1/conversations/" + conv + "/messages", p.token(), Map.of("clientMsgId", id, "text", text));
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    /** Indexing runs in the background: wait until the expected number of hits shows up (at most 10 s). */
    private JsonNode search(ChatFixture.Person p, String q, int expected) throws InterruptedException {
        JsonNode items = null;
        for (int i = 0; i < 100; i++) {
            items = api.get("/api/v1/chat/search?q=" + enc(q), p.token()).json().path("items");
            if (items.size() >= expected && (expected > 0 || i >= 10)) return items;
            Thread.sleep(100);
        }
        return items;
    }

    private static List<String> texts(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(e -> out.add(e.path("body").path("text").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
