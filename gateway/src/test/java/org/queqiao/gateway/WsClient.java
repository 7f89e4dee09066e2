package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.platform.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real WebSocket client (java.net.http) that queues every received frame as JSON. It can stop
 * reading ({@link #pause()}): with no demand the JDK client stops reading the socket, which is how
 * a slow or frozen device looks to the server.
 */
final class WsClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Closed(int code, String reason, Throwable error) {}

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean paused;
    private WebSocket ws;

    static WsClient connect(int port) {
        WsClient c = new WsClient();
        c.ws = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c.new Listener())
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        return c;
    }

    void send(String text) {
        ws.sendText(text, true).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void sendBinary(byte[] bytes) {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void auth(String token) {
        send(Json.MAPPER.createObjectNode().put("t", "auth").put("token", token).toString());
    }

    void authResuming(String token, String resumeKey, long lastSeq) {
        var frame = Json.MAPPER.createObjectNode().put("t", "auth").put("token", token);
        frame.putObject("resume").put("connection", resumeKey).put("lastSeq", lastSeq);
        send(frame.toString());
    }

    /** Authenticates and returns the ready frame. */
    JsonNode ready(String token) {
        auth(token);
        return expect("ready");
    }

    JsonNode next() {
        try {
            JsonNode n = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null) fail("no frame within " + WAIT);
            return n;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode expect(String type) {
        JsonNode n = next();
        assertThat(n.path("t").asText()).as("frame %s", n).isEqualTo(type);
        return n;
    }

    JsonNode expectError(String code) {
        JsonNode n = expect("error");
        assertThat(n.path("code").asText()).as("error frame %s", n).isEqualTo(code);
        return n;
    }

    Closed awaitClose() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean isOpen() {
        return !closed.isDone() && !ws.isInputClosed();
    }

    /** Stops reading from the socket (no more demand). */
    void pause() {
        paused = true;
    }

    void unpause() {
        paused = false;
        ws.request(1);
    }

    /** Kills the TCP connection without a close handshake, like a phone losing its network. */
    void abort() {
        ws.abort();
    }

    @Override
    public void close() {
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Json.read(partial.toString(), JsonNode.class));
                partial.setLength(0);
            }
            demandMore(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            demandMore(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason, null));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, "", error));
        }

        private void demandMore(WebSocket webSocket) {
            if (!paused) webSocket.request(1);
        }
    }
}
