package org.queqiao.desk.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.desk.BotAssistant;
import org.queqiao.desk.BotBrain;
import org.queqiao.platform.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The assistant through any server that speaks OpenAI's chat-completions API (self-hosted vLLM, Ollama, LocalAI,
 * or a cloud service): one request per question, not streamed, with the JDK's HTTP client (no SDK to ship). The
 * caller's thread waits (the bot runs on virtual threads); at most {@code concurrency} requests are in flight, so a
 * slow model cannot pile up a node's visitors behind it.
 */
public final class OpenAiCompatibleAssistant implements BotAssistant {
    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleAssistant.class);
    /** An answer longer than an FAQ answer may be is cut: the widget is a chat, not a document viewer. */
    static final int MAX_ANSWER_CHARS = 2000;
    private static final int MAX_TOKENS = 600;

    /** Told of every request's outcome ({@code answered}, {@code declined}, {@code busy}, {@code timeout}, {@code failed}) and its time. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (outcome, nanos) -> {};

        void replied(String outcome, long nanos);
    }

    private final AssistantSettings settings;
    private final Observer observer;
    private final Semaphore slots;
    private final HttpClient http;

    public OpenAiCompatibleAssistant(AssistantSettings settings, Observer observer) {
        this.settings = settings;
        this.observer = observer;
        this.slots = new Semaphore(settings.concurrency());
        // HTTP/1.1, which every such server speaks; the JDK's default offers a cleartext HTTP/2 upgrade (h2c) that
        // model servers and the proxies in front of them need not support
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
    }

    @Override
    public Reply answer(String question, List<BotBrain.Source> sources) {
        if (sources.isEmpty()) return new Reply.Declined("no FAQ to answer from");
        if (!slots.tryAcquire()) {
            observer.replied("busy", 0);
            return new Reply.Declined("every request slot is taken");
        }
        long t0 = System.nanoTime();
        try {
            Reply r = ask(question, sources);
            observer.replied(outcome(r), System.nanoTime() - t0);
            return r;
        } finally {
            slots.release();
        }
    }

    private Reply ask(String question, List<BotBrain.Source> sources) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("messages", GroundedPrompt.messages(question, sources));
        body.put("temperature", 0.2);
        body.put("max_tokens", MAX_TOKENS);
        body.put("stream", false);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (!settings.apiKey().isEmpty()) request.header("Authorization", "Bearer " + settings.apiKey());
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Reply.Unavailable("timeout");
        } catch (IOException e) {
            log.warn("the assistant at {} could not be reached: {}", settings.endpoint(), e.toString());
            return new Reply.Unavailable("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Unavailable("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            log.warn("the assistant at {} answered HTTP {}: {}", settings.endpoint(), response.statusCode(), abbreviate(response.body()));
            return new Reply.Unavailable("http_" + response.statusCode());
        }
        String content = contentOf(response.body());
        if (content == null) {
            log.warn("the assistant at {} answered without a message: {}", settings.endpoint(), abbreviate(response.body()));
            return new Reply.Unavailable("malformed");
        }
        if (GroundedPrompt.declined(content)) return new Reply.Declined("the FAQs do not answer it");
        String text = content.strip();
        return new Reply.Answered(text.length() <= MAX_ANSWER_CHARS ? text : text.substring(0, MAX_ANSWER_CHARS - 1) + "…");
    }

    /** {@code choices[0].message.content}, or null when the body is not a chat completion. */
    private static String contentOf(String body) {
        try {
            JsonNode content = Json.MAPPER.readTree(body).path("choices").path(0).path("message").path("content");
            return content.isTextual() ? content.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String outcome(Reply r) {
        return switch (r) {
            case Reply.Answered a -> "answered";
            case Reply.Declined d -> "declined";
            case Reply.Unavailable u -> u.why().equals("timeout") ? "timeout" : "failed";
        };
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
