package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What chat users rely on, over real WebSockets: order per conversation, no loss and no duplicates
 * across a dropped socket, idempotent resends, every device seeing the same thing.
 */
class ChatDeliveryIT {
    private final ApiClient api = TestServer.client();
    private final int port = TestServer.shared().gatewayPort();

    @Test
    void pipelinedSendsAreStoredAndDeliveredInOrderToEveryDevice() throws Exception {
        ChatFixture f = new ChatFixture(api, "Order");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);
        try (ChatClient a = ChatClient.connect(port, alice.token());
             ChatClient a2 = ChatClient.connect(port, f.anotherDevice(alice));
             ChatClient b = ChatClient.connect(port, bob.token())) {
            int n = 50;
            List<Map<String, Object>> sends = new ArrayList<>();
            for (int i = 1; i <= n; i++) sends.add(Map.of("conversationId", chat, "clientMsgId", "m-" + i, "text", "message " + i));
            List<JsonNode> acks = a.pipeline("chat.send", sends, 30);
            for (int i = 1; i <= n; i++) {
                JsonNode res = acks.get(i - 1);
                assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
                // sent one after another on one connection: stored in that order, numbered without gaps
                assertThat(res.path("data").path("entry").path("seq").asLong()).isEqualTo(i);
                assertThat(res.path("data").path("duplicate").asBoolean()).isFalse();
            }
            for (ChatClient device : List.of(b, a2, a)) {
                List<JsonNode> got = device.pushesOf("chat.entry", n, 10_000);
                assertThat(got).hasSize(n);
                for (int i = 1; i <= n; i++) {
                    assertThat(got.get(i - 1).path("seq").asLong()).isEqualTo(i);
                    assertThat(got.get(i - 1).path("body").path("text").asText()).isEqualTo("message " + i);
                    assertThat(got.get(i - 1).path("senderId").asText()).isEqualTo(alice.id());
                }
                assertThat(device.nextPush("chat.entry", 200)).as("nothing more, no duplicates").isNull();
            }
        }
    }

    @Test
    void resendWithTheSameClientMessageIdReturnsTheStoredMessage() throws Exception {
        ChatFixture f = new ChatFixture(api, "Resend");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);
        try (ChatClient a = ChatClient.connect(port, alice.token()); ChatClient b = ChatClient.connect(port, bob.token())) {
            Map<String, Object> msg = Map.of("conversationId", chat, "clientMsgId", "same-id", "text", "只发一次");
            JsonNode first = a.ok("chat.send", msg);
            JsonNode again = a.ok("chat.send", msg);
            assertThat(again.path("duplicate").asBoolean()).isTrue();
            assertThat(again.path("entry").path("id").asText()).isEqualTo(first.path("entry").path("id").asText());
            assertThat(again.path("entry").path("seq").asLong()).isEqualTo(first.path("entry").path("seq").asLong());
            // over HTTP too (a client that fell back after a socket timeout)
            var http = api.post("/api/v1/conversations/" + chat + "/messages", alice.token(), msg);
            assertThat(http.status()).isEqualTo(200);
            assertThat(http.json().path("entry").path("seq").asLong()).isEqualTo(1);
            // the next message takes number 2: the rolled-back resends gave their numbers back
            assertThat(a.ok("chat.send", Map.of("conversationId", chat, "clientMsgId", "next", "text", "二")).path("entry").path("seq").asLong()).isEqualTo(2);
            assertThat(b.pushesOf("chat.entry", 3, 2000)).extracting(e -> e.path("seq").asLong()).containsExactly(1L, 2L);
            var history = api.get("/api/v1/conversations/" + chat + "/entries", bob.token()).json().path("items");
            assertThat(history).hasSize(2);
        }
    }

    /**
     * Several members resend what they already sent while sending new messages, all at once, so the
     * group commit writes resends and new messages in the same batches (a batch that meets a resend is
     * rolled back and written again looking every id up): each message is stored once, resends answer
     * with the stored message, and the log has no gaps.
     */
    @Test
    void resendsMixedWithNewMessagesFromManyDevicesAreStoredOnceWithoutGaps() throws Exception {
        ChatFixture f = new ChatFixture(api, "Burst");
        int senders = 6, stored = 5, fresh = 5;
        List<ChatFixture.Person> people = new ArrayList<>();
        for (int i = 0; i < senders; i++) people.add(f.member("P" + i));
        String group = f.group(people.getFirst(), "突发", people.subList(1, senders).toArray(ChatFixture.Person[]::new));
        List<ChatClient> clients = new ArrayList<>();
        try {
            for (ChatFixture.Person p : people) clients.add(ChatClient.connect(port, p.token()));
            Map<String, Long> firstSeq = new HashMap<>();
            for (int i = 0; i < senders; i++) {
                for (int k = 0; k < stored; k++) {
                    String id = "p" + i + "-" + k;
                    firstSeq.put(id, clients.get(i).ok("chat.send", Map.of("conversationId", group, "clientMsgId", id, "text", id)).path("entry").path("seq").asLong());
                }
            }
            // past the writer's resend look-up window (BatchAppend): the first batch to meet a resend writes without looking
            Thread.sleep(2_500);
            double rewrites = rewrittenBatches();
            List<CompletableFuture<List<JsonNode>>> bursts = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                int me = i;
                bursts.add(CompletableFuture.supplyAsync(() -> {
                    List<JsonNode> answers = new ArrayList<>();
                    try {
                        // every device interleaves resends of its stored messages with new ones
                        for (int k = 0; k < stored + fresh; k++) {
                            int which = k % 2 == 0 ? k / 2 : stored + k / 2;
                            String id = "p" + me + "-" + which;
                            answers.add(clients.get(me).ok("chat.send", Map.of("conversationId", group, "clientMsgId", id, "text", id)));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return answers;
                }));
            }
            Map<String, Long> seqOf = new HashMap<>(firstSeq);
            for (var burst : bursts) {
                for (JsonNode a : burst.get(30, TimeUnit.SECONDS)) {
                    String id = a.path("entry").path("clientMsgId").asText();
                    long seq = a.path("entry").path("seq").asLong();
                    if (firstSeq.containsKey(id)) {
                        assertThat(a.path("duplicate").asBoolean()).as(id + " was a resend").isTrue();
                        assertThat(seq).as(id + " keeps its number").isEqualTo(firstSeq.get(id));
                    } else {
                        assertThat(a.path("duplicate").asBoolean()).as(id + " was new").isFalse();
                        assertThat(seqOf.put(id, seq)).as(id + " answered once").isNull();
                    }
                }
            }
            assertThat(seqOf).hasSize(senders * (stored + fresh));
            assertThat(rewrittenBatches()).as("a batch met a resend and was written again").isGreaterThan(rewrites);
            var history = api.get("/api/v1/conversations/" + group + "/entries?limit=100", people.getFirst().token()).json().path("items");
            List<Long> messageSeqs = new ArrayList<>();
            Map<String, Integer> copies = new HashMap<>();
            for (JsonNode e : history) {
                if (!e.path("kind").asText().equals("text")) continue;
                messageSeqs.add(e.path("seq").asLong());
                copies.merge(e.path("clientMsgId").asText(), 1, Integer::sum);
            }
            assertThat(copies).hasSize(senders * (stored + fresh)).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            messageSeqs.sort(null);
            long first = messageSeqs.getFirst();
            for (int i = 0; i < messageSeqs.size(); i++) assertThat(messageSeqs.get(i)).as("no gaps").isEqualTo(first + i);
        } finally {
            clients.forEach(ChatClient::close);
        }
    }

    private double rewrittenBatches() {
        for (String line : api.get("/metrics", null).body().split("\n")) {
            if (line.startsWith("queqiao_chat_batch_rewrites_total")) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        throw new AssertionError("no queqiao_chat_batch_rewrites_total on /metrics");
    }

    @Test
    void aDeviceWhoseSocketDiesMidStreamCatchesUpExactlyFromItsCursor() throws Exception {
        ChatFixture f = new ChatFixture(api, "Resume");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        var carol = f.member("Carol");
        String chat = f.direct(alice, bob);
        String group = f.group(alice, "项目组", bob, carol);
        int n = 120;
        Map<String, TreeMap<Long, JsonNode>> seen = new HashMap<>();
        try (ChatClient a = ChatClient.connect(port, alice.token())) {
            ChatClient b = ChatClient.connect(port, bob.token());
            // a device starts by catching up from nothing: the group's "created" entry
            for (JsonNode conv : b.ok("chat.sync", Map.of()).path("conversations")) {
                for (JsonNode e : conv.path("entries")) seen.computeIfAbsent(conv.path("conversationId").asText(), k -> new TreeMap<>()).put(e.path("seq").asLong(), e);
            }
            List<CompletableFuture<JsonNode>> acks = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String conv = i % 2 == 0 ? chat : group;
                if (i > 25) acks.get(i - 26).get(10, TimeUnit.SECONDS); // at most 25 unanswered
                acks.add(a.request("chat.send", Map.of("conversationId", conv, "clientMsgId", "k-" + i, "text", "#" + i)));
                if (i == n / 3) {
                    // the network drops in the middle of the stream
                    Thread.sleep(20);
                    for (JsonNode e : drain(b)) seen.computeIfAbsent(e.path("conversationId").asText(), k -> new TreeMap<>()).put(e.path("seq").asLong(), e);
                    b.kill();
                }
            }
            for (var ack : acks) assertThat(ack.get(10, TimeUnit.SECONDS).path("ok").asBoolean()).as(ack.get().toString()).isTrue();

            // a new socket (no gateway resume): catch up from the per-conversation cursors
            try (ChatClient b2 = ChatClient.connect(port, bob.token())) {
                Map<String, Long> cursors = new HashMap<>();
                cursors.put(chat, seen.getOrDefault(chat, new TreeMap<>()).isEmpty() ? 0 : seen.get(chat).lastKey());
                cursors.put(group, seen.getOrDefault(group, new TreeMap<>()).isEmpty() ? 0 : seen.get(group).lastKey());
                JsonNode sync = b2.ok("chat.sync", Map.of("cursors", cursors));
                for (JsonNode conv : sync.path("conversations")) {
                    assertThat(conv.path("more").asBoolean()).isFalse();
                    var mine = seen.computeIfAbsent(conv.path("conversationId").asText(), k -> new TreeMap<>());
                    for (JsonNode e : conv.path("entries")) {
                        assertThat(mine.put(e.path("seq").asLong(), e)).as("no entry delivered twice").isNull();
                    }
                }
            }
        }
        // direct chat: n/2 messages numbered 1..n/2; group: a "created" entry, then n/2 messages
        assertThat(seen.get(chat).keySet()).containsExactlyElementsOf(range(1, n / 2));
        assertThat(seen.get(group).keySet()).containsExactlyElementsOf(range(1, n / 2 + 1));
        List<String> texts = new ArrayList<>();
        seen.get(chat).values().forEach(e -> texts.add(e.path("body").path("text").asText()));
        assertThat(texts.getFirst()).isEqualTo("#2");
        assertThat(texts.getLast()).isEqualTo("#" + n);
    }

    @Test
    void editsRecallsAndReactionsReachEveryDevice() throws Exception {
        ChatFixture f = new ChatFixture(api, "Edits");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String group = f.group(alice, "Edits", bob);
        try (ChatClient a = ChatClient.connect(port, alice.token());
             ChatClient b = ChatClient.connect(port, bob.token());
             ChatClient b2 = ChatClient.connect(port, f.anotherDevice(bob))) {
            long seq = a.ok("chat.send", Map.of("conversationId", group, "clientMsgId", "x1", "text", "明天开会")).path("entry").path("seq").asLong();
            a.ok("chat.edit", Map.of("conversationId", group, "seq", seq, "clientMsgId", "x1-edit", "text", "后天开会"));
            b.ok("chat.react", Map.of("conversationId", group, "seq", seq, "clientMsgId", "r1", "emoji", "👍"));
            a.ok("chat.recall", Map.of("conversationId", group, "seq", seq, "clientMsgId", "x1-recall"));
            for (ChatClient device : List.of(b, b2, a)) {
                List<JsonNode> got = device.pushesOf("chat.entry", 4, 5000);
                assertThat(got).extracting(e -> e.path("kind").asText()).containsExactly("text", "edit", "reaction", "recall");
                assertThat(got.get(1).path("targetSeq").asLong()).isEqualTo(seq);
                assertThat(got.get(1).path("body").path("text").asText()).isEqualTo("后天开会");
                assertThat(got.get(2).path("body").path("emoji").asText()).isEqualTo("👍");
            }
            // history shows the message's current state: recalled, its content gone
            JsonNode history = b.ok("chat.history", Map.of("conversationId", group, "limit", 10)).path("entries");
            JsonNode msg = null;
            for (JsonNode e : history) if (e.path("seq").asLong() == seq) msg = e;
            assertThat(msg).isNotNull();
            assertThat(msg.path("recalledAt").isMissingNode()).isFalse();
            assertThat(msg.path("body").path("text").isMissingNode()).isTrue();
            // and a recalled message cannot be edited any more
            JsonNode res = a.call("chat.edit", Map.of("conversationId", group, "seq", seq, "clientMsgId", "x1-edit2", "text", "again"));
            assertThat(res.path("error").path("code").asText()).isEqualTo("message_recalled");
        }
    }

    private static List<JsonNode> drain(ChatClient c) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        JsonNode p;
        while ((p = c.nextPush("chat.entry", 50)) != null) out.add(p);
        return out;
    }

    private static List<Long> range(long from, long to) {
        List<Long> r = new ArrayList<>();
        for (long i = from; i <= to; i++) r.add(i);
        return r;
    }
}
