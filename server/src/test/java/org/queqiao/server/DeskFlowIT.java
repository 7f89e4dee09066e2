package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One conversation through the desk over real sockets: the bot answers from the knowledge base, the
 * visitor asks for a person, an agent accepts, reads the whole transcript, replies, notes, transfers;
 * the second agent closes it with tags and the visitor rates it.
 */
class DeskFlowIT {
    private static final String BOT = "00000000-0000-0000-0000-000000000b07";
    private final ApiClient api = TestServer.client();
    private final int gatewayPort = TestServer.shared().gatewayPort();

    @Test
    void botAnswersThenAPersonTakesOverAndTheVisitorRatesIt() throws Exception {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk flow");
        String owner = desk.owner().token();
        JsonNode faq = DeskFixture.ok(api.post("/api/v1/desk/faqs", owner, Map.of("question", "如何退保？", "alternatives", List.of("怎么取消保单"),
                "answer", "您可以在 App 的“我的保单”页面申请退保，3 个工作日内退款。", "category", "保险")), 201);
        String csv = "question,alternatives,answer,category\n"
                + "理赔需要哪些材料？,理赔要准备什么|报案后交什么资料,身份证、保单号和医院发票。,保险\n"
                + "保费可以分期吗？,能不能按月交保费,可以，支持按月或按季缴费。,保险\n"
                + "How do I reset my password?,forgot password,Use the Forgot password link on the sign-in page.,account\n"
                + "发票怎么开？,如何申请发票|开票,在订单详情页点击“申请发票”。,账户\n";
        var imported = api.postRaw("/api/v1/desk/faqs/import", owner, "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(4);
        var again = api.postRaw("/api/v1/desk/faqs/import", owner, "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.code()).as("nothing half-imported: every row already exists").isEqualTo("import_rejected");
        assertThat(again.json().path("errors").get(0).path("code").asText()).isEqualTo("duplicate_question");
        assertThat(api.get("/api/v1/desk/faqs", owner).json().path("items")).hasSize(5);
        var alice = desk.agent("Alice", 3);
        var bob = desk.agent("Bob", 3);
        DeskFixture.Visitor v = desk.visitor(Map.of("name", "王女士"));
        try (ChatClient visitor = desk.connect(v); ChatClient a = desk.online(alice); ChatClient b = desk.online(bob)) {
            JsonNode opened = visitor.ok("visitor.open", Map.of());
            String id = opened.path("conversation").path("id").asText();
            assertThat(opened.path("conversation").path("state").asText()).isEqualTo("bot");
            assertThat(next(visitor, "visitor.entry", e -> BOT.equals(e.path("senderId").asText()))).as("the bot's greeting").isNotNull();

            // the bot answers a paraphrase from the knowledge base, with a card naming the FAQ
            JsonNode sent = visitor.ok("visitor.send", Map.of("clientMsgId", DeskFixture.clientMsgId(), "text", "请问怎么退保"));
            assertThat(sent.path("entry").path("seq").asLong()).isPositive();
            JsonNode answer = next(visitor, "visitor.entry", e -> "card".equals(e.path("kind").asText()));
            int botReplies = 1;
            if ("faq_suggestions".equals(answer.path("body").path("card").path("type").asText())) {
                // unsure between close FAQs: it offers them; picking one sends its question, which it answers
                JsonNode pick = null;
                for (JsonNode item : answer.path("body").path("card").path("items")) if (item.path("faqId").asText().equals(faq.path("id").asText())) pick = item;
                assertThat(pick).as("the right FAQ is among the suggestions: %s", answer).isNotNull();
                visitor.ok("visitor.send", Map.of("clientMsgId", DeskFixture.clientMsgId(), "text", pick.path("question").asText()));
                answer = next(visitor, "visitor.entry", e -> "faq_answer".equals(e.path("body").path("card").path("type").asText()));
                botReplies++;
            }
            assertThat(answer.path("body").path("card").path("type").asText()).isEqualTo("faq_answer");
            assertThat(answer.path("body").path("card").path("faqId").asText()).isEqualTo(faq.path("id").asText());
            assertThat(answer.path("body").path("text").asText()).contains("我的保单");
            visitor.ok("visitor.rate-answer", Map.of("conversationId", id, "seq", answer.path("seq").asLong(), "helpful", true));
            assertThat(MeetingFixture.code(visitor.call("visitor.rate-answer", Map.of("conversationId", id, "seq", answer.path("seq").asLong(), "helpful", true))))
                    .isEqualTo("already_rated");

            // "人工": handed off; the least busy agent is offered it and accepts; the visitor learns a person is there
            visitor.ok("visitor.send", Map.of("clientMsgId", DeskFixture.clientMsgId(), "text", "转人工"));
            JsonNode offerA = a.nextPush("desk.offer", 5000);
            JsonNode offerB = b.nextPush("desk.offer", 300);
            JsonNode offer = offerA != null ? offerA : offerB;
            assertThat(offer).isNotNull();
            assertThat(offerA == null || offerB == null).as("offered to one agent only").isTrue();
            ChatClient first = offerA != null ? a : b;
            ChatClient second = offerA != null ? b : a;
            var secondPerson = offerA != null ? bob : alice;
            first.ok("desk.accept", Map.of("conversationId", id));
            // the log's entry is pushed as the acceptance commits, the new state right after it
            JsonNode joined = next(visitor, "visitor.entry", e -> "agent_joined".equals(e.path("body").path("event").path("type").asText()));
            assertThat(joined.path("body").path("event").path("agentName").asText()).as("visitors see who answers them")
                    .isEqualTo(offerA != null ? "Alice" : "Bob");
            assertThat(next(visitor, "visitor.state", s -> "assigned".equals(s.path("state").asText()))).isNotNull();

            // the whole transcript went with the handoff
            JsonNode detail = first.ok("desk.detail", Map.of("conversationId", id));
            assertThat(detail.path("entries").toString()).contains("请问怎么退保").contains("我的保单").contains("转人工");
            assertThat(detail.path("conversation").path("handoffReason").asText()).isEqualTo("requested");
            assertThat(detail.path("visitor").path("name").asText()).as("the visitor's details are beside the chat").isEqualTo("王女士");

            // the agent replies with chat.send; the visitor gets it; first response is measured from the handoff
            first.ok("chat.send", Map.of("conversationId", id, "clientMsgId", DeskFixture.clientMsgId(), "kind", "text", "text", "您好，我来帮您办理"));
            assertThat(next(visitor, "visitor.entry", e -> e.path("body").path("text").asText().equals("您好，我来帮您办理"))).isNotNull();
            visitor.ok("visitor.send", Map.of("clientMsgId", DeskFixture.clientMsgId(), "text", "好的，谢谢"));
            assertThat(next(first, "desk.entry", e -> e.path("body").path("text").asText().equals("好的，谢谢"))).isNotNull();
            first.ok("desk.note", Map.of("conversationId", id, "text", "VIP customer, check policy 123"));
            JsonNode conv = first.ok("desk.detail", Map.of("conversationId", id)).path("conversation");
            assertThat(conv.path("firstResponseAt").asText()).isNotEmpty();
            assertThat(conv.path("firstResponseAt").asText().compareTo(conv.path("queuedAt").asText())).isPositive();

            // transferred to the other agent, who closes it with tags; the first may no longer post
            JsonNode moved = first.ok("desk.transfer", Map.of("conversationId", id, "agentId", secondPerson.id()));
            assertThat(moved.path("agentId").asText()).isEqualTo(secondPerson.id());
            assertThat(MeetingFixture.code(first.call("chat.send", Map.of("conversationId", id, "clientMsgId", DeskFixture.clientMsgId(),
                    "kind", "text", "text", "still here?")))).isEqualTo("no_such_conversation");
            assertThat(second.ok("desk.detail", Map.of("conversationId", id)).path("notes").toString()).contains("VIP customer");
            second.ok("desk.close", Map.of("conversationId", id, "tags", List.of("退保", "refund", "退保")));
            JsonNode closed = next(visitor, "visitor.state", s -> "closed".equals(s.path("state").asText()));
            assertThat(closed.path("csat").asBoolean()).as("the survey is offered").isTrue();
            visitor.ok("visitor.rate", Map.of("conversationId", id, "score", 5, "comment", "很快"));

            // the visitor's transcript has no internal note; the supervisor's list has the whole record
            String transcript = visitor.ok("visitor.transcript", Map.of("conversationId", id)).toString();
            assertThat(transcript).contains("您好，我来帮您办理").doesNotContain("VIP customer");
            JsonNode list = DeskFixture.ok(api.get("/api/v1/desk/conversations?state=closed", owner), 200).path("items");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("csatScore").asInt()).isEqualTo(5);
            assertThat(list.get(0).path("transfers").asInt()).isEqualTo(1);
            assertThat(list.get(0).path("tags").toString()).isEqualTo("[\"退保\",\"refund\"]");
            assertThat(list.get(0).path("botAnswers").asInt()).as("answers and suggestions").isEqualTo(botReplies);
            assertThat(list.get(0).path("sla").path("firstResponse").path("running").asBoolean()).isFalse();
        }
    }

    private static JsonNode next(ChatClient c, String topic, Predicate<JsonNode> match) throws InterruptedException {
        return MeetingFixture.next(c, topic, match);
    }
}
