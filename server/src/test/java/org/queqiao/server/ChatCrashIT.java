package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 during a send burst: the server process and its PostgreSQL die at once, as in a power cut.
 * After a restart on the same data directory, every message whose ack the sender received is stored
 * exactly once, the log has no gaps, a device catches up on all of it, and resending what got no ack
 * stores nothing twice.
 */
class ChatCrashIT {
    @Test
    void everyAcknowledgedMessageSurvivesAKillDuringASendBurst() throws Exception {
        Path data = Files.createTempDirectory("queqiao-crash");
        Node node = Node.start(data);
        ChatFixture f = new ChatFixture(node.api(), "Crash");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);

        Map<String, Long> acked = new HashMap<>();
        List<String> sent = new ArrayList<>();
        ChatClient a = ChatClient.connect(node.gatewayPort, alice.token());
        List<CompletableFuture<JsonNode>> pending = new ArrayList<>();
        for (int i = 0; i < 2000 && acked.size() < 300; i++) {
            String id = "burst-" + i;
            sent.add(id);
            pending.add(a.request("chat.send", Map.of("conversationId", chat, "clientMsgId", id, "text", "#" + i)));
            if (pending.size() > 25) collect(pending.removeFirst(), acked);
        }
        // the process dies with sends in flight: no shutdown hook, no flush, PostgreSQL killed too
        node.kill();
        for (var p : pending) {
            if (p.isDone() && !p.isCompletedExceptionally()) collect(p, acked);
        }
        a.close();
        assertThat(acked).hasSizeGreaterThanOrEqualTo(300);

        Node restarted = Node.start(data);
        try {
            try (ChatClient b = ChatClient.connect(restarted.gatewayPort, bob.token())) {
                Map<Long, String> stored = new HashMap<>();
                long cursor = 0;
                while (true) {
                    JsonNode sync = b.ok("chat.sync", Map.of("cursors", Map.of(chat, cursor)));
                    if (sync.path("conversations").isEmpty()) break;
                    for (JsonNode e : sync.path("conversations").get(0).path("entries")) {
                        assertThat(stored.put(e.path("seq").asLong(), e.path("clientMsgId").asText())).as("no seq twice").isNull();
                        cursor = Math.max(cursor, e.path("seq").asLong());
                    }
                }
                // numbered 1..n without gaps; each client message id once; every acknowledged one there, under its number
                assertThat(stored.keySet()).hasSize((int) cursor);
                Set<String> ids = new HashSet<>(stored.values());
                assertThat(ids).hasSize(stored.size());
                acked.forEach((id, seq) -> assertThat(stored.get(seq)).as("acked %s at %d", id, seq).isEqualTo(id));

                // the sender resends everything that got no answer, as a client does after reconnecting
                try (ChatClient a2 = ChatClient.connect(restarted.gatewayPort, alice.token())) {
                    List<Map<String, Object>> resend = new ArrayList<>();
                    for (String id : sent) if (!acked.containsKey(id)) resend.add(Map.of("conversationId", chat, "clientMsgId", id, "text", "again"));
                    for (JsonNode res : a2.pipeline("chat.send", resend, 25)) assertThat(res.path("ok").asBoolean()).as(res.toString()).isTrue();
                }
                JsonNode head = restarted.api().get("/api/v1/conversations/" + chat, bob.token()).json();
                assertThat(head.path("lastSeq").asLong()).as("every message stored once").isEqualTo(sent.size());
            }
        } finally {
            restarted.stop();
        }
    }

    private static void collect(CompletableFuture<JsonNode> f, Map<String, Long> acked) throws Exception {
        JsonNode res = f.get(20, TimeUnit.SECONDS);
        if (res.path("ok").asBoolean()) {
            acked.put(res.path("data").path("entry").path("clientMsgId").asText(), res.path("data").path("entry").path("seq").asLong());
        }
    }

    /** A server in its own JVM (same classes as the tests), on a given data directory and fresh ports. */
    private record Node(Process process, Path data, int httpPort, int gatewayPort) {
        ApiClient api() {
            return new ApiClient("http://127.0.0.1:" + httpPort);
        }

        static Node start(Path data) throws Exception {
            int http = freePort();
            int gw = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.queqiao.server.Main")
                    .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
            Map<String, String> env = pb.environment();
            env.put("QUEQIAO_DATA_DIR", data.toString());
            env.put("QUEQIAO_HTTP_HOST", "127.0.0.1");
            env.put("QUEQIAO_HTTP_PORT", String.valueOf(http));
            env.put("QUEQIAO_GATEWAY_HOST", "127.0.0.1");
            env.put("QUEQIAO_GATEWAY_PORT", String.valueOf(gw));
            env.put("QUEQIAO_LOG_LEVEL", "WARN");
            env.put("QUEQIAO_CHAT_SEND_RATE", "1000");
            env.put("QUEQIAO_CHAT_SEND_BURST", "1000");
            env.put("QUEQIAO_GATEWAY_INBOUND_RATE", "1000");
            env.put("QUEQIAO_GATEWAY_INBOUND_BURST", "1000");
            Node n = new Node(pb.start(), data, http, gw);
            n.awaitReady();
            return n;
        }

        private void awaitReady() throws Exception {
            HttpClient c = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new AssertionError("server exited: " + Files.readString(data.resolveSibling(data.getFileName() + ".log")));
                try {
                    var r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) return;
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            throw new AssertionError("server not ready within 60 s");
        }

        /** SIGKILL the JVM and the PostgreSQL it started (its postmaster.pid names it), like a power cut. */
        void kill() throws Exception {
            long pgPid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst().strip());
            process.destroyForcibly();
            ProcessHandle.of(pgPid).ifPresent(pg -> {
                pg.descendants().forEach(ProcessHandle::destroyForcibly);
                pg.destroyForcibly();
            });
            process.waitFor(10, TimeUnit.SECONDS);
            ProcessHandle.of(pgPid).ifPresent(pg -> pg.onExit().join());
        }

        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
