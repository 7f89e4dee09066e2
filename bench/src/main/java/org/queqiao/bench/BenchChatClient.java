package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import org.queqiao.platform.json.Json;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A realtime client for scenario benchmarks: requests answered by id, pushes queued, time of the close. */
final class BenchChatClient {
    final LinkedBlockingQueue<JsonNode> pushes = new LinkedBlockingQueue<>();
    final CompletableFuture<Long> closedAtNanos = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private LoadSocket socket;
    /** When set, pushes go here as they arrive (on the socket's thread) instead of into {@link #pushes}. */
    volatile java.util.function.Consumer<JsonNode> onPush;

    static BenchChatClient connect(EventLoopGroup loop, int port, String token) throws Exception {
        BenchChatClient c = new BenchChatClient();
        c.socket = LoadSocket.open(loop, port, Json.write(Map.of("t", "auth", "token", token)), (s, text) -> c.onText(text), () -> c.closedAtNanos.complete(System.nanoTime()));
        c.ready.get(10, TimeUnit.SECONDS);
        return c;
    }

    /** Sends a request without waiting for its answer; the future completes with the whole response frame. */
    CompletableFuture<JsonNode> send(String op, Object data) {
        String id = "q" + ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        var frame = Json.MAPPER.createObjectNode().put("t", "req").put("id", id).put("op", op);
        frame.set("data", Json.MAPPER.valueToTree(data));
        socket.send(frame.toString());
        return f;
    }

    JsonNode call(String op, Object data) throws Exception {
        String id = "q" + ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        var frame = Json.MAPPER.createObjectNode().put("t", "req").put("id", id).put("op", op);
        frame.set("data", Json.MAPPER.valueToTree(data));
        socket.send(frame.toString());
        JsonNode res = f.get(30, TimeUnit.SECONDS);
        if (!res.path("ok").asBoolean()) throw new IllegalStateException(op + " failed: " + res);
        return res.path("data");
    }

    private void onText(String text) {
        JsonNode f = Json.read(text, JsonNode.class);
        switch (f.path("t").asText()) {
            case "ready" -> ready.complete(null);
            case "push" -> {
                var listener = onPush;
                if (listener != null) listener.accept(f);
                else pushes.add(f);
            }
            case "res" -> {
                var p = pending.remove(f.path("id").asText());
                if (p != null) p.complete(f);
            }
            default -> { }
        }
    }

    void close() {
        socket.close();
    }
}
