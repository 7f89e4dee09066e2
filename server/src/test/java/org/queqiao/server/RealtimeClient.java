package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.platform.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client of the realtime gateway, for tests: authenticates and records frames and the close. */
final class RealtimeClient implements WebSocket.Listener {
    final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final CompletableFuture<Long> closedAtNanos = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static RealtimeClient connect(int port, String token) throws Exception {
        RealtimeClient c = new RealtimeClient();
        c.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c).get(5, TimeUnit.SECONDS);
        c.ws.sendText(Json.write(java.util.Map.of("t", "auth", "token", token)), true).get(5, TimeUnit.SECONDS);
        return c;
    }

    JsonNode next(long timeoutMs) throws InterruptedException {
        return frames.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Json.read(partial.toString(), JsonNode.class));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedAtNanos.complete(System.nanoTime());
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedAtNanos.complete(System.nanoTime());
        closed.complete(-1);
    }
}
