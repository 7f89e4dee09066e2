package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queqiao.platform.json.Json;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot's generative assistant (desk.assistant-*) through the whole server: a visitor's question the knowledge
 * base is unsure of goes, with the closest FAQs, to an OpenAI-compatible server on loopback (a real HTTP server that
 * answers as one does); its answer reaches the visitor as an {@code ai_answer} card; a decline leaves the knowledge
 * base's own reply; a model that does not answer in time hands the visitor to a person.
 */
class DeskAssistantIT {
    private static final String BOT = "00000000-0000-0000-0000-000000000b07";
    private static final String ANSWER = "退保后一般 3-5 个工作日到账，犹豫期内全额退还保费。";
    private static HttpServer model;
    private static QueqiaoServer server;
    private static ApiClient api;
    private static final List<String> prompts = new CopyOnWriteArrayList<>();
    /** What the model does with the next questions: "answer", "decline" or "hang". */
    private static volatile String mode = "answer";

    @BeforeAll
    static void start() throws Exception {
        model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        model.createContext("/v1/chat/completions", ex -> {
            JsonNode req = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
            prompts.add(req.toString());
            String m = mode;
            if (m.equals("hang")) {
                try {
                    Thread.sleep(4_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String content = m.equals("decline") ? "NO_ANSWER" : ANSWER;
            byte[] body = Json.write(Map.of("choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content)))))
                    .getBytes(StandardCharsets.UTF_8);
            try {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            } catch (java.io.IOException clientGone) {
                // the server gave up waiting (the timeout case)
            }
            ex.close();
        });
        model.start();
        // BM25: the knowledge base is ready at once and answers only when sure, so the questions below reach the assistant
        server = TestServer.start(Map.of("desk.bot-retrieval", "bm25", "desk.assistant-url", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1",
                "desk.assistant-model", "test-model", "desk.assistant-timeout", "1s"));
        api = new ApiClient("http://127.0.0.1:" + server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.close();
        model.stop(0);
    }

    private static DeskFixture deskWithFaqs(String name) {
        DeskFixture desk = new DeskFixture(api, server.gatewayPort(), name);
        String owner = desk.owner().token();
        DeskFixture.ok(api.post("/api/v1/desk/faqs", owner, Map.of("question", "如何退保？", "alternatives", List.of("怎么取消保单"),
                "answer", "登录 App 进入“我的保单”申请退保，3-5 个工作日到账；犹豫期内全额退还保费。", "category", "保险")), 201);
        DeskFixture.ok(api.post("/api/v1/desk/faqs", owner, Map.of("question", "理赔需要哪些材料？", "alternatives", List.of("理赔要准备什么"),
                "answer", "身份证、保单号和医院发票。", "category", "保险")), 201);
        return desk;
    }

    /** A visitor of the desk with their conversation open (the bot has it). */
    private static ChatClient opened(DeskFixture desk) throws Exception {
        ChatClient visitor = desk.connect(desk.visitor());
        visitor.ok("visitor.open", Map.of());
        return visitor;
    }

    /** With the model set to {@code modelMode}, sends the visitor's text and returns the bot's first reply to it (a card or a text). */
    private static JsonNode ask(ChatClient visitor, String modelMode, String text) throws Exception {
        mode = modelMode;
        visitor.ok("visitor.send", Map.of("clientMsgId", DeskFixture.clientMsgId(), "text", text));
        return MeetingFixture.next(visitor, "visitor.entry", e -> BOT.equals(e.path("senderId").asText()) && !e.path("body").path("text").asText().startsWith("您好！我是智能客服"));
    }

    @Test
    void anUnsureQuestionIsAnsweredByTheAssistantFromTheClosestFaqs() throws Exception {
        DeskFixture desk = deskWithFaqs("Assistant answers");
        try (ChatClient visitor = opened(desk)) {
            int before = prompts.size();
            JsonNode reply = ask(visitor, "answer", "退保的钱多久能到账户上");
            assertThat(reply).as("the bot's reply").isNotNull();
            assertThat(reply.path("body").path("card").path("type").asText()).as(reply.toString()).isEqualTo("ai_answer");
            assertThat(reply.path("body").path("text").asText()).isEqualTo(ANSWER);
            assertThat(prompts).hasSize(before + 1);
            String prompt = prompts.getLast();
            assertThat(prompt).as("the model was given the closest FAQ and the question").contains("如何退保？", "3-5 个工作日到账", "退保的钱多久能到账户上", "test-model");
            JsonNode faqs = DeskFixture.ok(api.get("/api/v1/desk/faqs", desk.owner().token()), 200).path("items");
            String refundFaq = null;
            for (JsonNode f : faqs) if (f.path("question").asText().equals("如何退保？")) refundFaq = f.path("id").asText();
            assertThat(reply.path("body").path("card").path("sources").toString()).contains(refundFaq);
            // the knowledge base lacked it: listed for the admin
            JsonNode unanswered = DeskFixture.ok(api.get("/api/v1/desk/faqs/unanswered", desk.owner().token()), 200);
            assertThat(unanswered.toString()).contains("退保的钱多久能到账户上");
            JsonNode state = visitor.ok("visitor.open", Map.of()).path("conversation");
            assertThat(state.path("state").asText()).isEqualTo("bot");
            String scrape = api.get("/metrics", null).body();
            assertThat(scrape.lines().filter(l -> l.startsWith("queqiao_desk_assistant_replies_total{") && l.contains("outcome=\"answered\"")))
                    .as("operators see what the assistant does").hasSize(1);
            assertThat(scrape).contains("queqiao_desk_assistant_seconds_bucket{");
        }
    }

    @Test
    void whenTheAssistantDeclinesTheKnowledgeBasesReplyStands() throws Exception {
        DeskFixture desk = deskWithFaqs("Assistant declines");
        try (ChatClient visitor = opened(desk)) {
            int before = prompts.size();
            JsonNode reply = ask(visitor, "decline", "退保的钱多久能到账户上");
            assertThat(prompts).hasSize(before + 1);
            assertThat(reply).isNotNull();
            assertThat(reply.path("body").path("card").path("type").asText()).as(reply.toString()).isNotEqualTo("ai_answer");
            assertThat(reply.toString()).as("the knowledge base's suggestion or fallback").containsAnyOf("faq_suggestions", "没有理解");
        }
    }

    @Test
    void anAssistantThatDoesNotAnswerInTimeHandsTheVisitorToAPerson() throws Exception {
        DeskFixture desk = deskWithFaqs("Assistant times out");
        try (ChatClient visitor = opened(desk)) {
            long t0 = System.nanoTime();
            JsonNode reply = ask(visitor, "hang", "退保的钱多久能到账户上");
            assertThat(reply.path("body").path("text").asText()).as(reply.toString()).contains("转接人工");
            JsonNode handoff = MeetingFixture.next(visitor, "visitor.entry", e -> "handoff".equals(e.path("body").path("event").path("type").asText()));
            assertThat(handoff).isNotNull();
            assertThat(handoff.path("body").path("event").path("reason").asText()).isEqualTo("assistant_unavailable");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).as("handed off at the 1 s timeout, not when the model woke").isLessThan(java.time.Duration.ofMillis(3_500));
        } finally {
            mode = "answer";
        }
    }
}
