package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import org.queqiao.storage.pg.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Desk routing under load, against a server in its own process (bench/desk-load.sh): one organisation,
 * {@code agents} agents online over WebSockets in 10 groups, caps adding up to 10 % more than
 * {@code open} conversations. Visitors are real API-channel clients (HTTP, visitor tokens).
 * <ol>
 *   <li>burst: {@code open} visitors hand off while every agent is offline (the queue grows to
 *   {@code open}); then every agent comes online at once and the router assigns them all (offers off);
 *   decisions/s is how fast the queue empties;</li>
 *   <li>churn, {@code seconds} long, with about {@code open} conversations open: agents close
 *   conversations and new visitors open one and hand off, both at {@code churn}/s — each a whole
 *   conversation's life, so this is far heavier than the decisions it causes; the decision latency is
 *   measured here, at a rate the machine sustains;</li>
 *   <li>messages: visitors write to their agents at {@code churn} per second for 10 s.</li>
 * </ol>
 * A decision's latency is from the visitor's handoff request leaving to the assignment push reaching
 * the agent's socket; a message's from the visitor's POST leaving to the agent's desk.entry push.
 * With {@code history} above 0, the organisation first gets that many ended conversations of the past year
 * ({@link DeskHistory}, written straight into the server's embedded PostgreSQL on {@code dbPort}, then analysed):
 * routing must stay as fast on a desk that has been in use for a year as on an empty one.
 * Usage: DeskLoadBench httpPort gatewayPort serverPid operatorToken [agents=1000] [open=10000] [rate=1000] [seconds=30] [churn=100]
 *        [history=0] [dbPort]
 */
public final class DeskLoadBench {
    private static final int GROUPS = 10;
    private static final int PARALLEL = 256;

    private final Http http;
    private final Map<String, Long> handoffSent = new ConcurrentHashMap<>();
    private final Map<String, String> agentOf = new ConcurrentHashMap<>();
    private final Map<String, String> visitorOf = new ConcurrentHashMap<>();
    private final List<String> open = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> freeVisitors = new ConcurrentLinkedQueue<>();
    private final Map<String, BenchChatClient> agentSockets = new ConcurrentHashMap<>();
    private final Map<String, Long> messageSent = new ConcurrentHashMap<>();
    private volatile Samples decisions = new Samples();
    private final Samples messages = new Samples();
    private final AtomicLong errors = new AtomicLong();
    /** Errors by what failed, so a run that had some says which. */
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    /** Which group each visitor's widget routes to. */
    private final Map<String, String> groupOfVisitor = new ConcurrentHashMap<>();
    /** One visitor in {@link #WATCH_EVERY} of the first queue keeps a socket open and is timed hearing its place. */
    private final QueuePositionWatch positions = new QueuePositionWatch();
    private static final int WATCH_EVERY = 20;
    private final AtomicLong handoffs = new AtomicLong();
    private volatile boolean watching = true;
    private EventLoopGroup loop;
    private int gatewayPort;

    private DeskLoadBench(Http http) {
        this.http = http;
    }

    /** Latency samples of one phase, in nanoseconds. */
    private static final class Samples {
        final AtomicLongArray values = new AtomicLongArray(2_000_000);
        final AtomicLong count = new AtomicLong();

        void add(long nanos) {
            long i = count.getAndIncrement();
            if (i < values.length()) values.set((int) i, nanos);
        }

        Stats stats() {
            int n = (int) Math.min(count.get(), values.length());
            long[] out = new long[n];
            for (int i = 0; i < n; i++) out[i] = values.get(i);
            return new Stats(out);
        }
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int gwPort = Integer.parseInt(args[1]);
        ProcessProbe server = new ProcessProbe(Long.parseLong(args[2]));
        String operator = args[3];
        int agents = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int openTarget = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
        int rate = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        int seconds = args.length > 7 ? Integer.parseInt(args[7]) : 30;
        int churn = args.length > 8 ? Integer.parseInt(args[8]) : 100;
        int history = args.length > 9 ? Integer.parseInt(args[9]) : 0;
        int dbPort = args.length > 10 ? Integer.parseInt(args[10]) : 0;
        DeskLoadBench bench = new DeskLoadBench(new Http(httpPort));
        bench.run(gwPort, server, operator, agents, openTarget, rate, seconds, churn, history, dbPort);
    }

    private void run(int gwPort, ProcessProbe server, String operator, int agents, int openTarget, int rate, int seconds, int churn,
                     int history, int dbPort) throws Exception {
        long t0 = System.nanoTime();
        ChatBenchOrg org = ChatBenchOrg.create(http, operator, agents);
        String orgId = http.get("/api/v1/me", org.adminToken).json().path("org").path("id").asText();
        ok(http.put("/api/operator/v1/plans/desk-bench", operator, Map.of("name", "Desk bench", "quotas", Map.of("members", 1_000_000, "agentSeats", agents * 2))));
        ok(http.postJson("/api/operator/v1/orgs/" + orgId + "/plan", operator, Map.of("planId", "desk-bench")));
        int cap = (int) Math.ceil(openTarget * 1.1 / agents);
        List<String> groups = new ArrayList<>();
        List<String> widgetKeys = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String id = ok(http.postJson("/api/v1/desk/groups", org.adminToken, Map.of("name", "Group " + g))).path("id").asText();
            groups.add(id);
            widgetKeys.add(ok(http.postJson("/api/v1/desk/channels", org.adminToken, Map.of("name", "Site " + g, "groupId", id))).path("widgetKey").asText());
        }
        parallel(agents, i -> ok(http.postJson("/api/v1/desk/agents", org.adminToken,
                Map.of("memberId", org.memberIds.get(i), "maxConcurrent", cap, "groupIds", List.of(groups.get(i % GROUPS))))));
        int visitors = openTarget + churn * 2 + 100;
        parallel(visitors, i -> {
            JsonNode t = ok(http.postJson("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKeys.get(i % GROUPS))));
            groupOfVisitor.put(t.path("token").asText(), groups.get(i % GROUPS));
            freeVisitors.add(t.path("token").asText());
        });
        System.out.printf("setup: %d agents (cap %d, %d groups), %d visitors in %.1f s%n", agents, cap, GROUPS, visitors, (System.nanoTime() - t0) / 1e9);
        if (history > 0) addHistory(orgId, groups, widgetKeys.getFirst(), org.memberIds.subList(0, agents), history, dbPort);

        loop = LoadSocket.newLoop(1);
        gatewayPort = gwPort;
        for (int i = 0; i < agents; i++) {
            BenchChatClient c = BenchChatClient.connect(loop, gwPort, org.tokens.get(i));
            String agentId = org.memberIds.get(i);
            c.onPush = p -> onAgentPush(agentId, p);
            agentSockets.put(agentId, c);
        }
        long t1 = System.nanoTime();
        paced(openTarget, rate, i -> handOff());
        System.out.printf("queued: %d handoffs with every agent offline in %.1f s (%.0f/s)%n", openTarget, (System.nanoTime() - t1) / 1e9,
                openTarget / ((System.nanoTime() - t1) / 1e9));
        Cpu cpu0 = Cpu.of(server);
        long start = System.nanoTime();
        long burstStart = start;
        handoffSent.replaceAll((k, v) -> burstStart);
        List<java.util.concurrent.CompletableFuture<JsonNode>> online = new ArrayList<>();
        for (BenchChatClient c : agentSockets.values()) online.add(c.send("desk.status", Map.of("status", "online")));
        for (var f : online) f.get(60, TimeUnit.SECONDS);
        awaitAssigned(openTarget, 120);
        report("burst: " + agents + " agents come online to " + openTarget + " waiting (latency = since the first came online)", decisions, start, server, cpu0);
        watching = false;
        System.out.println("  queue positions (waiting visitors with a socket): " + positions.summary(System.nanoTime()));
        positions.close();

        decisions = new Samples();
        cpu0 = Cpu.of(server);
        start = System.nanoTime();
        java.time.Instant churnStartedAt = java.time.Instant.now();
        PromHistogram routedBefore = routingHistogram();
        paced(churn * seconds, churn, i -> {
            closeOne();
            handOff();
        });
        awaitAssigned(openTarget, 60);
        report("churn: " + seconds + " s, ~" + openTarget + " open, closes and new conversations handed off at " + churn + "/s each", decisions, start, server, cpu0);
        System.out.println("  handoff -> assigned (queuedAt, stamped inside the handoff transaction, -> assignedAt, from the conversations' own times): "
                + routerTimes(org.adminToken, churnStartedAt, churn * seconds).summary());
        System.out.println("  router's decision time (event -> assignment committed, the server's queqiao_desk_routing_decision_seconds, bucket bounds): "
                + routingHistogram().since(routedBefore).summaryMillis());

        List<String> withAgents = new ArrayList<>(open);
        int msgRate = Math.max(1, churn);
        paced(msgRate * 10, msgRate, i -> {
            String conversation = withAgents.get(ThreadLocalRandom.current().nextInt(withAgents.size()));
            String token = visitorOf.get(conversation);
            if (token == null) return;
            String text = "m-" + UUID.randomUUID();
            messageSent.put(text, System.nanoTime());
            var r = http.postJson("/api/v1/desk/visitor/messages", token, Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text));
            if (r.status() != 201) error("visitor message " + r.status());
        });
        Thread.sleep(2000);
        System.out.printf("visitor message -> agent screen (%d msg/s for 10 s): %s%n", msgRate, messages.stats().summary());
        System.out.printf("errors: %d %s; server after: heap %.1f MB, threads %d%n", errors.get(), errorKinds, server.heapAfterGc() / 1e6, server.threads());
        agentSockets.values().forEach(BenchChatClient::close);
        loop.shutdownGracefully();
    }

    /** {@code n} ended conversations of the past year, over the groups and agents, analysed as autovacuum would. */
    private static void addHistory(String orgId, List<String> groups, String widgetKey, List<String> agents, int n, int dbPort) {
        if (dbPort <= 0) throw new IllegalArgumentException("history needs the embedded PostgreSQL's port");
        long t = System.nanoTime();
        try (Database database = Database.external("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres", "", 2)) {
            database.db().use(h -> {
                UUID channel = h.createQuery("select id from desk_channels where widget_key = :k").bind("k", widgetKey).mapTo(UUID.class).one();
                DeskHistory.insert(h, UUID.fromString(orgId), channel, groups.stream().map(UUID::fromString).toList(),
                        agents.stream().map(UUID::fromString).toList(), Math.max(1, n / 10), n);
            });
            database.db().use(h -> h.execute("vacuum analyze"));
        }
        System.out.printf("history: %,d ended conversations (with their assignments) added and analysed in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
    }

    private PromHistogram routingHistogram() throws Exception {
        return PromHistogram.parse(http.get("/metrics", null).body(), "queqiao_desk_routing_decision_seconds");
    }

    /** queuedAt -> assignedAt of the conversations handed off since {@code since}, read back through the supervisors' list. */
    private Stats routerTimes(String adminToken, java.time.Instant since, int expected) throws Exception {
        List<Long> out = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < expected / 200 + 20; page++) {
            JsonNode r = ok(http.get("/api/v1/desk/conversations?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), adminToken));
            boolean older = false;
            for (JsonNode c : r.path("items")) {
                if (!c.hasNonNull("queuedAt") || !c.hasNonNull("assignedAt")) continue;
                java.time.Instant queued = java.time.Instant.parse(c.path("queuedAt").asText());
                if (queued.isBefore(since)) {
                    older = true;
                    continue;
                }
                out.add(java.time.Duration.between(queued, java.time.Instant.parse(c.path("assignedAt").asText())).toNanos());
            }
            cursor = r.path("nextCursor").asText("");
            if (older || cursor.isEmpty() || cursor.equals("null")) break;
        }
        return new Stats(out.stream().mapToLong(Long::longValue).toArray());
    }

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private void onAgentPush(String agentId, JsonNode frame) {
        String topic = frame.path("topic").asText();
        JsonNode d = frame.path("data");
        if (topic.equals("desk.conversation") && d.has("reason")) {
            String id = d.path("conversationId").asText();
            if (watching) positions.served(d.path("groupId").asText(), id, System.nanoTime());
            Long sent = handoffSent.remove(id);
            if (sent != null) decisions.add(System.nanoTime() - sent);
            agentOf.put(id, agentId);
            open.add(id);
        } else if (topic.equals("desk.entry")) {
            Long sent = messageSent.remove(d.path("body").path("text").asText());
            if (sent != null) messages.add(System.nanoTime() - sent);
        }
    }

    /** A free visitor opens a conversation and asks for a person. */
    private void handOff() throws Exception {
        String token = freeVisitors.poll();
        if (token == null) {
            error("no free visitor");
            return;
        }
        String id = ok(http.get("/api/v1/desk/visitor/conversation", token)).path("conversation").path("id").asText();
        visitorOf.put(id, token);
        if (watching && handoffs.getAndIncrement() % WATCH_EVERY == 0) {
            positions.watch(id, groupOfVisitor.get(token), BenchChatClient.connect(loop, gatewayPort, token));
        }
        handoffSent.put(id, System.nanoTime());
        var r = http.postJson("/api/v1/desk/visitor/human", token, Map.of());
        if (r.status() != 200) {
            error("handoff " + r.status());
            handoffSent.remove(id);
        }
    }

    /** An agent closes one of the open conversations; its visitor is free for another. */
    private void closeOne() throws Exception {
        String id;
        synchronized (open) {
            if (open.isEmpty()) return;
            id = open.remove(ThreadLocalRandom.current().nextInt(open.size()));
        }
        BenchChatClient agent = agentSockets.get(agentOf.get(id));
        JsonNode res = agent.send("desk.close", Map.of("conversationId", id)).get(30, TimeUnit.SECONDS);
        if (!res.path("ok").asBoolean()) error("close " + res.path("error").path("code").asText());
        String token = visitorOf.remove(id);
        if (token != null) freeVisitors.add(token);
    }

    private void awaitAssigned(int openTarget, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!handoffSent.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        if (!handoffSent.isEmpty()) System.out.printf("  %d handoffs not assigned within %d s%n", handoffSent.size(), timeoutSeconds);
    }

    /** CPU time so far of the server, its embedded PostgreSQL and this load generator: where the cores went. */
    private record Cpu(long server, long database, long generator) {
        static Cpu of(ProcessProbe server) throws Exception {
            return new Cpu(server.cpuNanos(), server.databaseCpuNanos(), new ProcessProbe(ProcessHandle.current().pid()).cpuNanos());
        }
    }

    private void report(String phase, Samples s, long start, ProcessProbe server, Cpu cpu0) throws Exception {
        double secs = (System.nanoTime() - start) / 1e9;
        long n = s.count.get();
        Cpu now = Cpu.of(server);
        double cpu = (now.server() - cpu0.server()) / 1e9;
        System.out.printf("%s%n  %,d decisions in %.1f s = %,.0f decisions/s; handoff -> agent screen: %s%n  server CPU %.1f s (%.0f %% of one core), %.0f µs per decision (everything the server did); "
                        + "PostgreSQL %.0f %%, load generator %.0f %% of one core%n",
                phase, n, secs, n / secs, s.stats().summary(), cpu, cpu / secs * 100, n == 0 ? 0 : cpu / n * 1e6,
                (now.database() - cpu0.database()) / 1e9 / secs * 100, (now.generator() - cpu0.generator()) / 1e9 / secs * 100);
    }

    @FunctionalInterface
    private interface Task {
        void run(int i) throws Exception;
    }

    private void paced(int count, int perSecond, Task task) throws Exception {
        Semaphore inFlight = new Semaphore(PARALLEL);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * (1e9 / perSecond));
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                inFlight.acquire();
                int n = i;
                pool.execute(() -> {
                    try {
                        task.run(n);
                    } catch (Exception e) {
                        error(e.getClass().getSimpleName());
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    private void parallel(int count, Task task) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                int n = i;
                pool.execute(() -> {
                    try {
                        task.run(n);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    private static JsonNode ok(Http.Reply r) {
        if (r.status() / 100 != 2) throw new IllegalStateException("HTTP " + r.status() + ": " + r.body());
        return r.body().isEmpty() ? null : r.json();
    }
}
