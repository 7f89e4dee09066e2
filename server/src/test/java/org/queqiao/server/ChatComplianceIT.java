package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.queqiao.messaging.compliance.RetentionJob;
import org.queqiao.storage.pg.PgChatPolicyStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sensitive words (block, mask), retention, and the admin's audited export. */
class ChatComplianceIT {
    private final ApiClient api = TestServer.client();

    @Test
    void sensitiveWordsBlockOrMaskMessages() {
        ChatFixture f = new ChatFixture(api, "Words");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);
        String admin = f.tenant.token();
        var bad = api.patch("/api/v1/chat/policy", admin, Map.of("sensitiveWords", List.of(Map.of("word", "ok", "action", "mask"), Map.of("word", "  ", "action", "mask"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("sensitiveWords[1]");
        assertThat(api.patch("/api/v1/chat/policy", alice.token(), Map.of("retentionDays", 30)).status()).isEqualTo(403);
        var set = api.patch("/api/v1/chat/policy", admin, Map.of("sensitiveWords",
                List.of(Map.of("word", "降价", "action", "block"), Map.of("word", "内幕", "action", "mask"))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        var blocked = api.post("/api/v1/conversations/" + chat + "/messages", alice.token(), Map.of("clientMsgId", "w1", "text", "下周降 价，别外传"));
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.code()).isEqualTo("sensitive_content");
        assertThat(blocked.json().path("words").get(0).asText()).isEqualTo("降价");
        var masked = api.post("/api/v1/conversations/" + chat + "/messages", alice.token(), Map.of("clientMsgId", "w2", "text", "有内幕消息"));
        assertThat(masked.status()).isEqualTo(201);
        assertThat(masked.json().path("entry").path("body").path("text").asText()).isEqualTo("有**消息");
        assertThat(api.get("/api/v1/conversations/" + chat + "/entries", bob.token()).json().path("items").get(0).path("body").path("text").asText())
                .isEqualTo("有**消息");
        // edits pass the same filter
        assertThat(api.patch("/api/v1/conversations/" + chat + "/messages/1", alice.token(), Map.of("clientMsgId", "w2e", "text", "降价了")).code())
                .isEqualTo("sensitive_content");
        // another organisation is unaffected
        ChatFixture other = new ChatFixture(api, "Other words");
        var x = other.member("X");
        var y = other.member("Y");
        assertThat(api.post("/api/v1/conversations/" + other.direct(x, y) + "/messages", x.token(), Map.of("clientMsgId", "o1", "text", "降价")).status()).isEqualTo(201);
    }

    @Test
    void adminsExportAConversationAndTheExportIsAudited() {
        ChatFixture f = new ChatFixture(api, "Export");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);
        api.post("/api/v1/conversations/" + chat + "/messages", alice.token(), Map.of("clientMsgId", "e1", "text", "=HYPERLINK(\"x\") 合同"));
        api.post("/api/v1/conversations/" + chat + "/messages", bob.token(), Map.of("clientMsgId", "e2", "text", "收到, \"好的\""));
        assertThat(api.get("/api/v1/conversations/" + chat + "/export", alice.token()).status()).isEqualTo(403);
        var json = api.get("/api/v1/conversations/" + chat + "/export?format=json", f.tenant.token());
        assertThat(json.status()).isEqualTo(200);
        JsonNode entries = json.json().path("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).path("body").path("text").asText()).isEqualTo("收到, \"好的\"");
        var csv = api.get("/api/v1/conversations/" + chat + "/export?format=csv", f.tenant.token());
        assertThat(csv.body()).startsWith("\uFEFFseq,createdAt");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"x\"\") 合同\"").contains("\"收到, \"\"好的\"\"\"");
        assertThat(api.get("/api/v1/conversations/" + chat + "/export?format=xml", f.tenant.token()).code()).isEqualTo("invalid_value");
        var other = api.signup("Other export");
        assertThat(api.get("/api/v1/conversations/" + chat + "/export", other.token()).status()).isEqualTo(404);
        boolean audited = false;
        for (JsonNode e : api.get("/api/v1/audit", f.tenant.token()).json().path("items")) audited |= e.path("action").asText().equals("chat.exported");
        assertThat(audited).isTrue();
    }

    @Test
    void retentionDeletesHistoryOlderThanThePolicyAllows() {
        ChatFixture f = new ChatFixture(api, "Retention");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);
        for (int i = 0; i < 3; i++) api.post("/api/v1/conversations/" + chat + "/messages", alice.token(), Map.of("clientMsgId", "r" + i, "text", "old " + i));
        ChatFixture keep = new ChatFixture(api, "Keeps everything");
        var k1 = keep.member("K1");
        String kept = keep.direct(k1, keep.member("K2"));
        api.post("/api/v1/conversations/" + kept + "/messages", k1.token(), Map.of("clientMsgId", "k", "text", "kept"));
        assertThat(api.patch("/api/v1/chat/policy", f.tenant.token(), Map.of("retentionDays", 1)).json().path("retentionDays").asInt()).isEqualTo(1);
        awaitSearchRows(chat, 3);
        awaitSearchRows(kept, 1);

        // two days from now, the messages are past the one-day retention
        var job = new RetentionJob(new PgChatPolicyStore(TestServer.shared().database().db()), Clock.offset(Clock.systemUTC(), Duration.ofDays(2)), Duration.ofHours(1));
        assertThat(job.runOnce()).isGreaterThanOrEqualTo(3);
        assertThat(api.get("/api/v1/conversations/" + chat + "/entries", bob.token()).json().path("items")).isEmpty();
        assertThat(api.get("/api/v1/conversations/" + kept + "/entries", k1.token()).json().path("items")).hasSize(1);
        // their words went with them
        assertThat(searchRows(chat)).isZero();
        assertThat(searchRows(kept)).isEqualTo(1);
        // numbering goes on where it was: nothing is ever renumbered
        assertThat(api.post("/api/v1/conversations/" + chat + "/messages", alice.token(), Map.of("clientMsgId", "new", "text", "new")).json()
                .path("entry").path("seq").asLong()).isEqualTo(4);
    }

    /** The search indexer runs in the background: wait (at most 10 s) until the conversation's messages are indexed. */
    private static void awaitSearchRows(String conversationId, int n) {
        for (int i = 0; i < 100 && searchRows(conversationId) < n; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(searchRows(conversationId)).isEqualTo(n);
    }

    private static int searchRows(String conversationId) {
        return TestServer.shared().database().db().with(h -> h.createQuery("select count(*) from message_search where conversation_id = cast(:c as uuid)")
                .bind("c", conversationId).mapTo(Integer.class).one());
    }
}
