package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.queqiao.platform.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A realtime client as an app would write one: authenticates, sends requests and matches their
 * answers by id, and collects pushes (chat.entry and the rest) for the test to inspect.
 */
final class ChatClient implements WebSocket.Listener, AutoCloseable {
    final LinkedBlockingQueue<JsonNode> pushes = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<JsonNode> errors = new LinkedBlockingQueue<>();
    final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static ChatClient connect(int port, String token) throws Exception {
        ChatClient c = new ChatClient();
        c.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c).get(5, TimeUnit.SECONDS);
        c.sendFrame(Json.write(Map.of("t", "auth", "token", token)));
        c.ready.get(5, TimeUnit.SECONDS);
        return c;
    }

    /** Sends a request without waiting; the future completes with the whole res frame. */
    CompletableFuture<JsonNode> request(String op, Object data) {
        String id = "r" + nextId.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode frame = Json.MAPPER.createObjectNode().put("t", "req").put("id", id).put("op", op);
        frame.set("data", Json.MAPPER.valueToTree(data));
        sendFrame(frame.toString());
        return f;
    }

    /**
     * Pipelines the requests, keeping at most {@code window} unanswered (the gateway allows 32 per
     * connection); returns the answers in request order.
     */
    List<JsonNode> pipeline(String op, List<?> data, int window) throws Exception {
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
        List<JsonNode> answers = new ArrayList<>();
        for (Object d : data) {
            if (futures.size() - answers.size() >= window) answers.add(futures.get(answers.size()).get(10, TimeUnit.SECONDS));
            futures.add(request(op, d));
        }
        while (answers.size() < futures.size()) answers.add(futures.get(answers.size()).get(10, TimeUnit.SECONDS));
        return answers;
    }

    /** Sends and waits; returns the res frame (ok or not). */
    JsonNode call(String op, Object data) throws Exception {
        return request(op, data).get(10, TimeUnit.SECONDS);
    }

    /** Sends and waits; returns the data of a successful answer, fails the test otherwise. */
    JsonNode ok(String op, Object data) throws Exception {
        JsonNode res = call(op, data);
        if (!res.path("ok").asBoolean()) throw new AssertionError(op + " failed: " + res);
        return res.path("data");
    }

    synchronized void sendFrame(String json) {
        ws.sendText(json, true).join();
    }

    /** The next push of this topic within the timeout (others are skipped), or null. */
    JsonNode nextPush(String topic, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            JsonNode p = pushes.poll(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (p == null) return null;
            if (p.path("topic").asText().equals(topic)) return p.path("data");
        }
    }

    /** Every push of this topic arriving until {@code count} are collected or the timeout passes. */
    List<JsonNode> pushesOf(String topic, int count, long timeoutMs) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (out.size() < count) {
            JsonNode p = pushes.poll(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (p == null) break;
            if (p.path("topic").asText().equals(topic)) out.add(p.path("data"));
        }
        return out;
    }

    /** Drops the TCP connection without a close handshake, as a network loss would. */
    void kill() {
        ws.abort();
    }

    @Override
    public void close() {
        ws.abort();
    }

    @Override
    public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode f = Json.read(partial.toString(), JsonNode.class);
            partial.setLength(0);
            switch (f.path("t").asText()) {
                case "ready" -> ready.complete(f);
                case "push" -> pushes.add(f);
                case "res" -> {
                    CompletableFuture<JsonNode> p = pending.remove(f.path("id").asText());
                    if (p != null) p.complete(f);
                }
                case "error" -> errors.add(f);
                default -> { }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public java.util.concurrent.CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }
}
