package org.queqiao.desk.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queqiao.desk.BotAssistant.Reply;
import org.queqiao.desk.BotBrain;
import org.queqiao.platform.json.Json;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real HTTP server on loopback that answers the way chat-completions servers do. */
class OpenAiCompatibleAssistantTest {
    private static final List<BotBrain.Source> SOURCES = List.of(
            new BotBrain.Source(UUID.randomUUID(), "如何退保？", "登录App进入“我的保单”申请退保，犹豫期内全额退还保费。"),
            new BotBrain.Source(UUID.randomUUID(), "犹豫期是多久？", "犹豫期为签收保单后15天。"));

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Answer> respond = r -> Answer.content("您可以在App的“我的保单”里申请退保。");

    record Answer(int status, String body, long delayMillis) {
        static Answer content(String text) {
            return new Answer(200, Json.write(Map.of("id", "c1", "object", "chat.completion",
                    "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text), "finish_reason", "stop")))), 0);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode request = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
        requests.add(request);
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        Answer a = respond.apply(request);
        try {
            Thread.sleep(a.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(a.status(), body.length);
            ex.getResponseBody().write(body);
        } catch (IOException clientGone) {
            // the client gave up (timeout test)
        }
        ex.close();
    }

    private OpenAiCompatibleAssistant assistant(String key, Duration timeout, int concurrency) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
        return new OpenAiCompatibleAssistant(new AssistantSettings(AssistantSettings.chatCompletions(url), "qwen2.5-7b-instruct", key, timeout, concurrency),
                (outcome, nanos) -> outcomes.add(outcome));
    }

    @Test
    void asksWithTheFaqsAsItsOnlySourceAndReturnsTheModelsAnswer() {
        Reply r = assistant("sk-test", Duration.ofSeconds(5), 4).answer("保险不想要了怎么办", SOURCES);

        assertThat(r).isEqualTo(new Reply.Answered("您可以在App的“我的保单”里申请退保。"));
        assertThat(requests).hasSize(1);
        JsonNode req = requests.getFirst();
        assertThat(req.path("model").asText()).isEqualTo("qwen2.5-7b-instruct");
        assertThat(req.path("stream").asBoolean(true)).isFalse();
        JsonNode messages = req.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        String system = messages.get(0).path("content").asText();
        assertThat(system).contains("[1] Q: 如何退保？", "登录App进入“我的保单”申请退保", "[2] Q: 犹豫期是多久？", "only", GroundedPrompt.DECLINE);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("保险不想要了怎么办");
        assertThat(authorizations).containsExactly("Bearer sk-test");
        assertThat(outcomes).containsExactly("answered");
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() {
        assistant("", Duration.ofSeconds(5), 4).answer("退保", SOURCES);
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void theDeclineWordDeclinesEvenWithPunctuationAroundIt() {
        OpenAiCompatibleAssistant a = assistant("", Duration.ofSeconds(5), 4);
        for (String reply : List.of("NO_ANSWER", " no_answer. ", "“NO_ANSWER”。", "")) {
            respond = r -> Answer.content(reply);
            assertThat(a.answer("你们卖车险吗", SOURCES)).as(reply).isInstanceOf(Reply.Declined.class);
        }
        assertThat(outcomes).containsOnly("declined");
    }

    @Test
    void aModelThatDoesNotAnswerInTimeIsUnavailable() {
        respond = r -> new Answer(200, Answer.content("late").body(), 3_000);
        long t0 = System.nanoTime();
        Reply r = assistant("", Duration.ofMillis(400), 4).answer("退保", SOURCES);
        assertThat(r).isEqualTo(new Reply.Unavailable("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2_500));
        assertThat(outcomes).containsExactly("timeout");
    }

    @Test
    void errorsAndBodiesThatAreNoCompletionAreUnavailable() {
        OpenAiCompatibleAssistant a = assistant("", Duration.ofSeconds(5), 4);
        respond = r -> new Answer(500, "{\"error\":{\"message\":\"model overloaded\"}}", 0);
        assertThat(a.answer("退保", SOURCES)).isEqualTo(new Reply.Unavailable("http_500"));
        respond = r -> new Answer(200, "<html>proxy error</html>", 0);
        assertThat(a.answer("退保", SOURCES)).isEqualTo(new Reply.Unavailable("malformed"));
        respond = r -> new Answer(200, "{\"choices\":[]}", 0);
        assertThat(a.answer("退保", SOURCES)).isEqualTo(new Reply.Unavailable("malformed"));
        assertThat(outcomes).containsExactly("failed", "failed", "failed");
    }

    @Test
    void anUnreachableServerIsUnavailable() {
        int port = server.getAddress().getPort();
        server.stop(0);
        OpenAiCompatibleAssistant a = new OpenAiCompatibleAssistant(new AssistantSettings(AssistantSettings.chatCompletions("http://127.0.0.1:" + port + "/v1"),
                "m", "", Duration.ofSeconds(2), 1), OpenAiCompatibleAssistant.Observer.NONE);
        assertThat(a.answer("退保", SOURCES)).isEqualTo(new Reply.Unavailable("unreachable"));
    }

    @Test
    void withoutFaqsToAnswerFromTheModelIsNotAsked() {
        assertThat(assistant("", Duration.ofSeconds(5), 4).answer("退保", List.of())).isInstanceOf(Reply.Declined.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void beyondItsConcurrencyTheKnowledgeBasesDecisionStands() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        respond = r -> {
            inFlight.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.content("好的");
        };
        OpenAiCompatibleAssistant a = assistant("", Duration.ofSeconds(10), 2);
        List<Thread> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) slow.add(Thread.ofVirtual().start(() -> a.answer("退保", SOURCES)));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(a.answer("退保", SOURCES)).isInstanceOf(Reply.Declined.class);
        release.countDown();
        for (Thread t : slow) t.join(5_000);
        assertThat(requests).hasSize(2);
        assertThat(outcomes).containsExactlyInAnyOrder("busy", "answered", "answered");
        assertThat(a.answer("退保", SOURCES)).as("slots come back").isInstanceOf(Reply.Answered.class);
    }

    @Test
    void longAnswersAreCut() {
        respond = r -> Answer.content("很".repeat(5_000));
        Reply r = assistant("", Duration.ofSeconds(5), 4).answer("退保", SOURCES);
        assertThat(((Reply.Answered) r).text()).hasSize(OpenAiCompatibleAssistant.MAX_ANSWER_CHARS).endsWith("…");
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        assertThat(AssistantSettings.chatCompletions("http://llm.internal:8000/v1").toString()).isEqualTo("http://llm.internal:8000/v1/chat/completions");
        assertThat(AssistantSettings.chatCompletions("https://api.example.com/v1/chat/completions/").toString())
                .isEqualTo("https://api.example.com/v1/chat/completions");
        assertThatThrownBy(() -> AssistantSettings.chatCompletions("ftp://x/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssistantSettings.chatCompletions("llm:8000")).isInstanceOf(IllegalArgumentException.class);
        java.net.URI u = AssistantSettings.chatCompletions("http://127.0.0.1/v1");
        assertThatThrownBy(() -> new AssistantSettings(u, " ", "", Duration.ofSeconds(1), 1)).hasMessageContaining("model");
        assertThatThrownBy(() -> new AssistantSettings(u, "m", "", Duration.ZERO, 1)).hasMessageContaining("timeout");
        assertThat(new AssistantSettings(u, "m", "sk-secret", Duration.ofSeconds(1), 1).toString()).doesNotContain("sk-secret");
    }
}
