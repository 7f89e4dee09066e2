package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.platform.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap per idle authenticated WebSocket on the realtime gateway. The server runs as its own process
 * (bench/gateway-idle.sh starts it); this client opens N sockets, authenticates each, and reads the
 * server's heap after a full GC before and after (jcmd), plus its resident memory and thread count.
 * Usage: GatewayIdleBench httpPort gatewayPort serverPid [connections=10000] [sessions=100]
 */
public final class GatewayIdleBench {
    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int gwPort = Integer.parseInt(args[1]);
        long pid = Long.parseLong(args[2]);
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int sessions = args.length > 4 ? Integer.parseInt(args[4]) : 100;

        Http http = new Http(httpPort);
        JsonNode signup = http.postJson("/api/v1/signup", null, Map.of("orgName", "Gateway bench", "name", "Admin",
                "email", "admin." + UUID.randomUUID() + "@example.com", "password", "bench password 1")).json();
        String admin = signup.path("token").asText();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String email = "device" + i + "." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
            JsonNode m = http.postJson("/api/v1/members", admin, Map.of("name", "Device " + i, "email", email)).json();
            tokens.add(http.postJson("/api/v1/sessions", null, Map.of("email", email, "password", m.path("temporaryPassword").asText()))
                    .json().path("token").asText());
        }

        ProcessProbe server = new ProcessProbe(pid);
        long heapBefore = server.heapAfterGc();
        long rssBefore = server.rssKb();
        HttpClient client = HttpClient.newHttpClient();
        CountDownLatch ready = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        List<WebSocket> sockets = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i % tokens.size());
            WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + gwPort + "/ws"), new ReadyListener(ready, failed))
                    .get(30, TimeUnit.SECONDS);
            ws.sendText(Json.write(Map.of("t", "auth", "token", token)), true);
            sockets.add(ws);
            if (i % 1000 == 999) ready.await(0, TimeUnit.MILLISECONDS); // keep going; readiness is awaited below
        }
        if (!ready.await(120, TimeUnit.SECONDS)) throw new IllegalStateException(ready.getCount() + " sockets never became ready");
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(2000);
        long heapAfter = server.heapAfterGc();
        long rssAfter = server.rssKb();
        System.out.printf("connections: %d authenticated (%d failed) in %.1f s, %d sessions%n", n - failed.get(), failed.get(), openSeconds, sessions);
        System.out.printf("server heap after full GC: %.1f MB -> %.1f MB = %.2f KB per idle connection%n",
                heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1024.0 / n);
        System.out.printf("server resident memory: %.1f MB -> %.1f MB = %.2f KB per connection (heap, direct buffers, kernel-side not included)%n",
                rssBefore / 1e3, rssAfter / 1e3, (rssAfter - rssBefore) / (double) n);
        System.out.printf("server threads: %d%n", server.threads());
        for (WebSocket ws : sockets) ws.abort();
    }

    private record ReadyListener(CountDownLatch ready, AtomicInteger failed) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            String s = data.toString();
            if (s.contains("\"ready\"")) ready.countDown();
            else if (s.contains("\"error\"")) {
                failed.incrementAndGet();
                ready.countDown();
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
