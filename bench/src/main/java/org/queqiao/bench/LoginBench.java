package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.server.QueqiaoServer;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-ins at a fixed arrival rate (open loop: a slow server does not slow the arrivals, so queueing
 * shows in the latency) with the configured Argon2id cost. Latency is measured from each request's
 * scheduled start. Usage: LoginBench [ratePerSecond=100] [seconds=30] [accounts=50]
 */
public final class LoginBench {
    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (QueqiaoServer server = BenchServer.start(Map.of())) {
            Http http = new Http(server.httpPort());
            JsonNode signup = http.postJson("/api/v1/signup", null, Map.of("orgName", "Login bench", "name", "Admin",
                    "email", "admin." + UUID.randomUUID() + "@example.com", "password", "bench password 1")).json();
            String admin = signup.path("token").asText();
            List<String[]> creds = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                String email = "user" + i + "." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
                JsonNode m = http.postJson("/api/v1/members", admin, Map.of("name", "User " + i, "email", email)).json();
                creds.add(new String[]{email, m.path("temporaryPassword").asText()});
            }
            // warm-up: JIT the hash and the request path
            for (int i = 0; i < 40; i++) login(http, creds.get(i % accounts));

            int total = rate * seconds;
            long periodNanos = 1_000_000_000L / rate;
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger failures = new AtomicInteger();
            java.util.concurrent.ConcurrentHashMap<Integer, AtomicInteger> byStatus = new java.util.concurrent.ConcurrentHashMap<>();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < total; i++) {
                    long scheduled = start + i * periodNanos;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    String[] c = creds.get(i % accounts);
                    vt.submit(() -> {
                        int status = login(http, c);
                        byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status == 201) latencies.add(System.nanoTime() - scheduled);
                        else failures.incrementAndGet();
                    });
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf("responses by status: %s%n", byStatus);
            System.out.printf("successful logins: %s%n", new Stats(latencies.stream().mapToLong(Long::longValue).toArray()).summary());
            System.out.printf("offered %d/s for %d s; completed %.1f/s; refused or failed %d; process CPU %.2f cores (server and client in one JVM, %d cores)%n",
                    rate, seconds, total / wall, failures.get(), cpu / wall, Runtime.getRuntime().availableProcessors());
        }
    }

    private static int login(Http http, String[] c) {
        try {
            return http.postJson("/api/v1/sessions", null, Map.of("email", c[0], "password", c[1], "deviceName", "bench")).status();
        } catch (Exception e) {
            return -1;
        }
    }
}
