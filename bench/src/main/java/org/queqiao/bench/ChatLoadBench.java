package org.queqiao.bench;

import io.netty.channel.EventLoopGroup;
import org.queqiao.platform.json.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Team-messaging load: N signed-in WebSocket clients against a server in its own process
 * (bench/chat-load.sh starts it), sending over the realtime connection with persistence on.
 * <ul>
 *   <li>{@code direct}: the clients form pairs, each pair a direct chat; {@code rate} messages/s spread
 *   over all senders. Every message reaches both members' devices (the sender's as the echo).</li>
 *   <li>{@code group}: every client is in one group; {@code rate} messages/s from a few senders, each
 *   delivered to every member.</li>
 *   <li>{@code urgent}: the admin sends {@code rate} urgent notices, one after another, each to every
 *   client (at most 10,000); reports when each recipient received it.</li>
 * </ul>
 * Prints connections held, server heap per connection (idle, after a full GC), messages/s,
 * end-to-end latency (send → the other members' receipt) p50/p99/max, ack latency, and counted loss,
 * duplicates and out-of-order deliveries per conversation.
 * Also prints the CPU time the server and its database used per message sent in the measured window.
 * Usage: ChatLoadBench httpPort gatewayPort serverPid operatorToken mode clients rate seconds [warmupSeconds]
 */
public final class ChatLoadBench {
    /** Long enough on two slow cores for the JIT to finish the send path: measuring a cold server would measure the compiler. */
    private static final int DEFAULT_WARMUP_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int gwPort = Integer.parseInt(args[1]);
        ProcessProbe server = new ProcessProbe(Long.parseLong(args[2]));
        String operator = args[3];
        String mode = args[4];
        int n = Integer.parseInt(args[5]);
        int rate = Integer.parseInt(args[6]);
        int seconds = Integer.parseInt(args[7]);
        int warmup = args.length > 8 ? Integer.parseInt(args[8]) : DEFAULT_WARMUP_SECONDS;
        boolean group = mode.equals("group");
        boolean urgent = mode.equals("urgent");

        Http http = new Http(httpPort);
        long t0 = System.nanoTime();
        ChatBenchOrg org = ChatBenchOrg.create(http, operator, n);
        System.out.printf("setup: %d members imported, activated and signed in in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        String[] conversationOf = urgent ? new String[n] : group ? oneGroup(http, org) : pairs(http, org);

        long heapBefore = server.heapAfterGc();
        long rssBefore = server.rssKb();
        Load load = new Load(n, group, rate, seconds, warmup, server);
        if (group) {
            // the group's log already holds its "created" entry: every client starts after it
            long head = http.get("/api/v1/conversations/" + conversationOf[0], org.tokens.getFirst()).json().path("lastSeq").asLong();
            Arrays.fill(load.lastSeq, head);
        }
        EventLoopGroup loop = LoadSocket.newLoop(2);
        List<LoadSocket> sockets = load.connect(loop, gwPort, org);
        Thread.sleep(2000);
        long heapIdle = server.heapAfterGc();
        long rssIdle = server.rssKb();
        System.out.printf("connections: %d authenticated, %d failed%n", load.ready.get(), load.failed.get());
        System.out.printf("server heap after full GC: %.1f MB -> %.1f MB = %.2f KB per signed-in idle client; RSS +%.2f KB per client; threads %d%n",
                heapBefore / 1e6, heapIdle / 1e6, (heapIdle - heapBefore) / 1024.0 / n, (rssIdle - rssBefore) / (double) n, server.threads());

        if (urgent) urgentNotices(http, org, load, rate);
        else load.run(sockets, conversationOf);
        System.out.printf("server after load: heap %.1f MB, threads %d%n", server.heapAfterGc() / 1e6, server.threads());
        sockets.forEach(LoadSocket::close);
        loop.shutdownGracefully();
    }

    /** Urgent notices to every client, one after another: how long until each recipient had it. */
    private static void urgentNotices(Http http, ChatBenchOrg org, Load load, int notices) throws Exception {
        for (int k = 0; k < Math.max(1, notices); k++) {
            java.util.Arrays.fill(load.urgentAt, 0);
            long t0 = System.nanoTime();
            var r = http.postJson("/api/v1/urgent-notices", org.adminToken, Map.of("text", "演练 drill " + k, "memberIds", org.memberIds));
            long answered = System.nanoTime() - t0;
            if (r.status() != 201) throw new IllegalStateException("urgent notice failed: " + r.body());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && Arrays.stream(load.urgentAt).anyMatch(x -> x == 0)) Thread.sleep(5);
            long[] got = Arrays.stream(load.urgentAt).filter(x -> x > 0).map(x -> x - t0).toArray();
            Arrays.sort(got);
            System.out.printf("urgent notice %d to %d members: sender answered in %.0f ms; received by %d, p50 %.0f ms, p99 %.0f ms, last %.0f ms%n",
                    k + 1, org.memberIds.size(), answered / 1e6, got.length, got.length == 0 ? 0 : got[got.length / 2] / 1e6,
                    got.length == 0 ? 0 : got[(int) Math.ceil(got.length * 0.99) - 1] / 1e6, got.length == 0 ? 0 : got[got.length - 1] / 1e6);
        }
    }

    /** Pairs (0,1), (2,3) ...: each pair's direct chat, opened by its first member. */
    private static String[] pairs(Http http, ChatBenchOrg org) throws Exception {
        int n = org.tokens.size();
        String[] conv = new String[n];
        Semaphore parallel = new Semaphore(16);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i + 1 < n; i += 2) {
                int a = i;
                opened.add(pool.submit(() -> {
                    parallel.acquire();
                    try {
                        return http.postJson("/api/v1/conversations/direct", org.tokens.get(a), Map.of("memberId", org.memberIds.get(a + 1))).json().path("id").asText();
                    } finally {
                        parallel.release();
                    }
                }));
            }
            for (int p = 0; p < opened.size(); p++) conv[2 * p] = conv[2 * p + 1] = opened.get(p).get();
        }
        return conv;
    }

    private static String[] oneGroup(Http http, ChatBenchOrg org) throws Exception {
        var r = http.postJson("/api/v1/conversations", org.tokens.getFirst(), Map.of("title", "All hands", "memberIds", org.memberIds.subList(1, org.memberIds.size())));
        if (r.status() != 201) throw new IllegalStateException("group creation failed: " + r.body());
        String[] conv = new String[org.tokens.size()];
        Arrays.fill(conv, r.json().path("id").asText());
        return conv;
    }

    /** The clients, the pacing sender and the counters. */
    private static final class Load {
        private static final int ACK_EVERY = 50;
        private static final long ACK_AFTER_MS = 1_000;
        final int n;
        final boolean group;
        final int rate;
        final int seconds;
        final long warmupNanos;
        final ProcessProbe server;
        final AtomicInteger ready = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final long[] lastSeq;
        final long[] received;
        final LongAdder duplicates = new LongAdder();
        final LongAdder outOfOrder = new LongAdder();
        final LongAdder acked = new LongAdder();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        final long[] sentAt;
        final long[] latencies;
        final long[] latencyAt;        // when each latency sample was received (System.nanoTime)
        final AtomicInteger latencyCount = new AtomicInteger();
        final long[] ackLatencies;
        final AtomicInteger ackCount = new AtomicInteger();
        final AtomicLong lastSent = new AtomicLong();
        final long[] pushSeq;          // the last push acknowledged
        final long[] gatewayLastSeq;   // the last push received
        final boolean[] ackPending;    // a quiet-second ack is scheduled
        final long[] urgentAt;
        volatile long measureFrom = Long.MAX_VALUE;
        volatile long measureUntil = Long.MAX_VALUE;

        Load(int n, boolean group, int rate, int seconds, int warmupSeconds, ProcessProbe server) {
            this.n = n;
            this.group = group;
            this.rate = rate;
            this.seconds = seconds;
            this.warmupNanos = TimeUnit.SECONDS.toNanos(warmupSeconds);
            this.server = server;
            this.lastSeq = new long[n];
            this.received = new long[n];
            this.pushSeq = new long[n];
            this.gatewayLastSeq = new long[n];
            this.ackPending = new boolean[n];
            this.urgentAt = new long[n];
            int messages = rate * (seconds + warmupSeconds + 5);
            this.sentAt = new long[messages];
            this.ackLatencies = new long[messages];
            this.latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, (long) messages * (group ? n : 1))];
            this.latencyAt = group ? null : new long[latencies.length];
        }

        List<LoadSocket> connect(EventLoopGroup loop, int port, ChatBenchOrg org) throws Exception {
            CountDownLatch all = new CountDownLatch(n);
            List<LoadSocket> sockets = new ArrayList<>(n);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int me = i;
                String auth = Json.write(Map.of("t", "auth", "token", org.tokens.get(i)));
                sockets.add(LoadSocket.open(loop, port, auth, (s, text) -> onText(me, s, text, all)));
            }
            if (!all.await(120, TimeUnit.SECONDS)) throw new IllegalStateException(all.getCount() + " clients never became ready");
            System.out.printf("connected %d clients in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            return sockets;
        }

        /** Runs on the socket's event loop; parses only what it needs (a load generator must be cheap). */
        void onText(int me, LoadSocket s, String f, CountDownLatch all) {
            if (f.startsWith("{\"t\":\"push\"")) {
                onPush(me, s, f);
            } else if (f.startsWith("{\"t\":\"res\"")) {
                int id = Integer.parseInt(f, f.indexOf("\"id\":\"") + 6, f.indexOf('"', f.indexOf("\"id\":\"") + 6), 10);
                if (f.contains("\"ok\":true")) {
                    acked.increment();
                    if (sentAt[id] >= measureFrom && sentAt[id] < measureUntil) {
                        int k = ackCount.getAndIncrement();
                        if (k < ackLatencies.length) ackLatencies[k] = System.nanoTime() - sentAt[id];
                    }
                } else {
                    int c = f.indexOf("\"code\":\"") + 8;
                    refused.computeIfAbsent(f.substring(c, f.indexOf('"', c)), k -> new LongAdder()).increment();
                }
            } else if (f.startsWith("{\"t\":\"ready\"")) {
                ready.incrementAndGet();
                all.countDown();
            } else if (f.startsWith("{\"t\":\"error\"")) {
                if (all.getCount() > 0 && ready.get() + failed.get() < n) {
                    failed.incrementAndGet();
                    all.countDown();
                }
                System.err.println("client " + me + ": " + f);
            }
        }

        private void onPush(int me, LoadSocket s, String f) {
            long gatewaySeq = longAfter(f, "\"seq\":", 0);
            if (f.contains("\"topic\":\"notice.urgent\"")) urgentAt[me] = System.nanoTime();
            if (!f.contains("\"topic\":\"chat.entry\"")) return;
            int data = f.indexOf("\"data\":");
            long seq = longAfter(f, "\"seq\":", data);
            if (seq <= lastSeq[me]) {
                duplicates.increment();
            } else {
                if (seq != lastSeq[me] + 1) outOfOrder.increment();
                lastSeq[me] = seq;
                received[me]++;
            }
            int t = f.indexOf("\"text\":\"", data);
            if (t > 0) {
                int tEnd = f.indexOf('"', t + 8);
                int sep = f.indexOf(':', t + 8);
                long sent = Long.parseLong(f, t + 8, sep, 10);
                int sender = Integer.parseInt(f, sep + 1, tEnd, 10);
                if (sender != me && sent >= measureFrom && sent < measureUntil) {
                    int k = latencyCount.getAndIncrement();
                    long now = System.nanoTime();
                    if (k < latencies.length) {
                        latencies[k] = now - sent;
                        if (latencyAt != null) latencyAt[k] = now;
                    }
                }
            }
            // acknowledge as the web client does (realtime.ts): after 50 pushes, or a second after the first
            // unacknowledged one, so the gateway can forget delivered pushes
            gatewayLastSeq[me] = gatewaySeq;
            if (gatewaySeq - pushSeq[me] >= ACK_EVERY) {
                ack(me, s);
            } else if (!ackPending[me]) {
                ackPending[me] = true;
                s.schedule(() -> ack(me, s), ACK_AFTER_MS);
            }
        }

        /** On the socket's event loop, like every other access to this client's fields. */
        private void ack(int me, LoadSocket s) {
            ackPending[me] = false;
            if (gatewayLastSeq[me] <= pushSeq[me]) return;
            pushSeq[me] = gatewayLastSeq[me];
            s.send("{\"t\":\"ack\",\"seq\":" + pushSeq[me] + "}");
        }

        private static long longAfter(String f, String key, int from) {
            int i = f.indexOf(key, from) + key.length();
            int j = i;
            while (j < f.length() && Character.isDigit(f.charAt(j))) j++;
            return Long.parseLong(f, i, j, 10);
        }

        /** Paces sends from one thread: every millisecond, the messages due by then. */
        void run(List<LoadSocket> sockets, String[] conversationOf) throws Exception {
            int senders = group ? Math.min(10, n) : n;
            long start = System.nanoTime();
            measureFrom = start + warmupNanos;
            measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            int id = 0;
            int next = 0;
            Cpu cpu = null;
            int firstMeasured = 0;
            while (System.nanoTime() < measureUntil && id < sentAt.length) {
                if (cpu == null && System.nanoTime() >= measureFrom) {
                    cpu = Cpu.read(server);
                    firstMeasured = id;
                }
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (id < due && id < sentAt.length) {
                    int sender = next;
                    next = (next + 1) % senders;
                    long now = System.nanoTime();
                    sentAt[id] = now;
                    sockets.get(sender).send("{\"t\":\"req\",\"id\":\"" + id + "\",\"op\":\"chat.send\",\"data\":{\"conversationId\":\""
                            + conversationOf[sender] + "\",\"clientMsgId\":\"b" + id + "\",\"text\":\"" + now + ":" + sender + "\"}}");
                    id++;
                }
                Thread.sleep(1);
            }
            lastSent.set(id);
            long sendEnd = System.nanoTime();
            Cpu used = cpu == null ? null : Cpu.read(server).minus(cpu);
            int measured = id - firstMeasured;
            Thread.sleep(5000); // drain
            report(id, sendEnd - start);
            if (used != null && measured > 0) {
                System.out.printf("CPU per message sent in the measured %d s: server %.0f µs (%.2f cores), database %.0f µs (%.2f cores), "
                                + "load generator (%s) %.0f µs (%.2f cores)%n",
                        seconds, used.server / 1e3 / measured, used.server / 1e9 / seconds, used.database / 1e3 / measured, used.database / 1e9 / seconds,
                        LoadSocket.transport(), used.generator / 1e3 / measured, used.generator / 1e9 / seconds);
            }
        }

        /** CPU time so far of the server process, of its database and of this load generator. */
        private record Cpu(long server, long database, long generator) {
            static Cpu read(ProcessProbe p) throws Exception {
                return new Cpu(p.cpuNanos(), p.databaseCpuNanos(), ProcessProbe.ownCpuNanos());
            }

            Cpu minus(Cpu earlier) {
                return new Cpu(server - earlier.server, database - earlier.database, generator - earlier.generator);
            }
        }

        private void report(int sent, long sendNanos) {
            long acks = acked.sum();
            long refusedTotal = refused.values().stream().mapToLong(LongAdder::sum).sum();
            long expected = group ? acks * n : acks * 2;
            long got = Arrays.stream(received).sum();
            System.out.printf("sent %d messages in %.1f s (%.0f msg/s offered incl. %d s warm-up); acked %d, refused %d %s, unanswered %d%n",
                    sent, sendNanos / 1e9, sent / (sendNanos / 1e9), warmupNanos / 1_000_000_000L, acks, refusedTotal, refused, sent - acks - refusedTotal);
            System.out.printf("deliveries: %d of %d expected (%.0f/s); lost %d, duplicated %d, out of order %d%n",
                    got, expected, got / (sendNanos / 1e9), expected - got, duplicates.sum(), outOfOrder.sum());
            print("end-to-end (send -> other members' receipt)", latencies, latencyCount.get());
            print("ack (send -> stored and answered)", ackLatencies, ackCount.get());
            if (latencyAt != null) printWorstWindows();
        }

        /**
         * Whether the tail is spread out or comes in stalls: the measured window in 100 ms slices, and the
         * slices with the most deliveries over 50 ms (the p99 target), stamped with wall-clock time so they
         * can be set beside the server's GC log and the database's log.
         */
        private void printWorstWindows() {
            int k = Math.min(latencyCount.get(), latencies.length);
            long slice = TimeUnit.MILLISECONDS.toNanos(100);
            int measured = (int) ((measureUntil - measureFrom) / slice);
            int slices = measured + 60; // receipts of the last sends, up to 6 s later (the drain), land in the extra ones
            int[] slow = new int[slices];
            int[] all = new int[slices];
            long[] worst = new long[slices];
            int slowTotal = 0;
            for (int i = 0; i < k; i++) {
                int w = (int) Math.min(slices - 1, Math.max(0, (latencyAt[i] - measureFrom) / slice));
                all[w]++;
                worst[w] = Math.max(worst[w], latencies[i]);
                if (latencies[i] > TimeUnit.MILLISECONDS.toNanos(50)) {
                    slow[w]++;
                    slowTotal++;
                }
            }
            int slicesWithSlow = 0;
            for (int s : slow) if (s > 0) slicesWithSlow++;
            long epochOfMeasureFrom = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - measureFrom);
            System.out.printf("deliveries over 50 ms: %d, in %d of %d slices of 100 ms%n", slowTotal, slicesWithSlow, measured);
            Integer[] order = new Integer[slices];
            for (int i = 0; i < slices; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Integer.compare(slow[b], slow[a]));
            for (int j = 0; j < Math.min(8, slices) && slow[order[j]] > 0; j++) {
                int w = order[j];
                System.out.printf("  slice at %s (+%.1f s): %d of %d over 50 ms, max %.0f ms%n",
                        java.time.Instant.ofEpochMilli(epochOfMeasureFrom + w * 100L), w / 10.0, slow[w], all[w], worst[w] / 1e6);
            }
        }

        private static void print(String what, long[] samples, int count) {
            int k = Math.min(count, samples.length);
            if (k == 0) {
                System.out.println(what + ": no samples");
                return;
            }
            long[] s = Arrays.copyOf(samples, k);
            Arrays.sort(s);
            System.out.printf("%s over %d samples: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, k,
                    s[k / 2] / 1e6, s[(int) Math.min(k - 1, Math.ceil(k * 0.99) - 1)] / 1e6, s[k - 1] / 1e6);
        }
    }
}
