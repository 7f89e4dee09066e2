package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing under concurrency (ADR 0010): one slot for 200 visitors, caps that hold under random arrivals, closes and status changes. */
class DeskRoutingIT {
    private final ApiClient api = TestServer.client();
    private final int gatewayPort = TestServer.shared().gatewayPort();

    @Test
    void twoHundredVisitorsForOneFreeSlotGetExactlyOneAgentAndTheRestQueueInArrivalOrder() throws Exception {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk 200");
        var alice = desk.agent("Alice", 1);
        try (ChatClient agent = desk.online(alice)) {
            List<DeskFixture.Visitor> visitors = new ArrayList<>();
            for (int i = 0; i < 200; i++) visitors.add(desk.visitor());
            List<String> conversations = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (DeskFixture.Visitor v : visitors) {
                    pool.submit(() -> {
                        start.await();
                        conversations.add(desk.queued(v));
                        return null;
                    });
                }
                start.countDown();
            }
            assertThat(conversations).hasSize(200);

            JsonNode offer = agent.nextPush("desk.offer", 5000);
            assertThat(offer).as("an offer reaches the one agent").isNotNull();
            String offered = offer.path("conversationId").asText();
            Map<String, Long> states = states(desk);
            assertThat(states).containsEntry("offered", 1L).containsEntry("queued", 199L);
            assertThat(active(alice.id())).isEqualTo(1);

            // the queue is in handoff order, and the agent can see it; the one offered was the first to hand off
            List<String> queue = queueOrder(desk);
            assertThat(queue).hasSize(199);
            assertThat(handoffOrder(desk)).containsExactlyElementsOf(concat(offered, queue));

            // accepting, then closing, frees the slot: the head of the queue is offered next, at once
            agent.ok("desk.accept", Map.of("conversationId", offered));
            agent.ok("desk.close", Map.of("conversationId", offered, "tags", List.of("done")));
            JsonNode next = agent.nextPush("desk.offer", 5000);
            assertThat(next.path("conversationId").asText()).isEqualTo(queue.getFirst());
            assertThat(active(alice.id())).isEqualTo(1);
            assertThat(decisions(next.path("conversationId").asText())).containsExactly("least_busy");

            // operators see how long routing takes: every conversation handed out is one sample
            assertThat(routingSamples()).isGreaterThanOrEqualTo(2);
        }
    }

    private double routingSamples() {
        String scrape = api.get("/metrics", null).body();
        return scrape.lines().filter(l -> l.startsWith("queqiao_desk_routing_decision_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** A routing pass serves every group that has someone waiting, not only the first it finds (three groups, queues in the first and last). */
    @Test
    void everyGroupWithSomeoneWaitingIsServed() throws Exception {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk groups");
        String owner = desk.owner().token();
        List<String> groups = new ArrayList<>(List.of(desk.groupId));
        List<String> widgetKeys = new ArrayList<>(List.of(desk.channel.path("widgetKey").asText()));
        for (String name : List.of("Sales", "Billing")) {
            String g = DeskFixture.ok(api.post("/api/v1/desk/groups", owner, Map.of("name", name)), 201).path("id").asText();
            groups.add(g);
            widgetKeys.add(DeskFixture.ok(api.post("/api/v1/desk/channels", owner, Map.of("name", name + " site", "groupId", g, "identified", true)), 201)
                    .path("widgetKey").asText());
        }
        // two waiting in the first group and two in the last, none in the middle one
        Map<String, List<String>> waitingIn = new java.util.HashMap<>();
        for (int i : List.of(0, 2)) {
            for (int k = 0; k < 2; k++) {
                JsonNode t = DeskFixture.ok(api.post("/api/v1/desk/widget/sessions", null, Map.of("widgetKey", widgetKeys.get(i))), 201);
                String conversation = desk.queued(new DeskFixture.Visitor(t.path("visitorId").asText(), t.path("token").asText()));
                waitingIn.computeIfAbsent(groups.get(i), x -> new ArrayList<>()).add(conversation);
            }
        }
        List<ChatFixture.Person> agents = new ArrayList<>();
        for (int i : List.of(0, 2)) {
            ChatFixture.Person p = desk.org.member("Agent " + i);
            DeskFixture.ok(api.post("/api/v1/desk/agents", owner, Map.of("memberId", p.id(), "maxConcurrent", 1, "supervisor", false,
                    "groupIds", List.of(groups.get(i)))), 201);
            agents.add(p);
        }
        List<ChatClient> devices = new ArrayList<>();
        try {
            for (ChatFixture.Person p : agents) devices.add(desk.online(p));
            for (int j = 0; j < 2; j++) {
                JsonNode offer = devices.get(j).nextPush("desk.offer", 5000);
                assertThat(offer).as("agent %d is offered a conversation", j).isNotNull();
                assertThat(waitingIn.get(groups.get(j * 2))).as("of their own group").contains(offer.path("conversationId").asText());
                assertThat(devices.get(j).ok("desk.mine", Map.of()).path("conversations")).as("one, their cap").hasSize(1);
            }
        } finally {
            devices.forEach(ChatClient::close);
        }
    }

    @Test
    void capsHoldAndNothingIsAssignedTwiceUnderRandomArrivalsClosesAndStatusChanges() throws Exception {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk chaos");
        var seats = List.of(desk.agent("A", 2), desk.agent("B", 1));
        // the free plan holds two seats; a third agent needs a bigger plan (its own test covers the refusal)
        Random random = new Random(42);
        Map<String, ChatClient> devices = new ConcurrentHashMap<>();
        for (var s : seats) devices.put(s.id(), desk.online(s));
        try {
            List<DeskFixture.Visitor> visitors = new ArrayList<>();
            for (int i = 0; i < 40; i++) visitors.add(desk.visitor());
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (DeskFixture.Visitor v : visitors) {
                    long delay = random.nextInt(2000);
                    pool.submit(() -> {
                        Thread.sleep(delay);
                        desk.queued(v);
                        return null;
                    });
                }
                // meanwhile the agents work: accept, close, decline, go away and come back (bounded: 150 steps)
                for (int step = 0; step < 150; step++) {
                    var s = seats.get(random.nextInt(seats.size()));
                    ChatClient c = devices.get(s.id());
                    JsonNode mine = c.ok("desk.mine", Map.of()).path("conversations");
                    int roll = random.nextInt(10);
                    if (roll < 1) {
                        c.ok("desk.status", Map.of("status", random.nextBoolean() ? "away" : "online"));
                    } else if (!mine.isEmpty()) {
                        JsonNode conv = mine.get(random.nextInt(mine.size()));
                        String id = conv.path("id").asText();
                        String state = conv.path("state").asText();
                        if (state.equals("offered")) c.call(roll < 3 ? "desk.decline" : "desk.accept", Map.of("conversationId", id));
                        else c.call("desk.close", Map.of("conversationId", id));
                    }
                    assertInvariants(desk);
                    Thread.sleep(15);
                }
                for (var s : seats) devices.get(s.id()).ok("desk.status", Map.of("status", "online"));
            }
            assertInvariants(desk);
            Map<String, Long> states = states(desk);
            assertThat(states.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
            assertThat(states.getOrDefault("closed", 0L)).as("the agents worked: %s", states).isGreaterThan(5);
            assertThat(declined(desk)).as("some offers were declined and went to the other agent").isGreaterThan(0);
        } finally {
            devices.values().forEach(ChatClient::close);
        }
    }

    /** Per agent: what they hold equals their counted load, never above their cap; the store's constraints forbid a second holder. */
    private static void assertInvariants(DeskFixture desk) {
        var rows = TestServer.shared().database().db().with(h -> h.createQuery(
                "select a.member_id, a.active, a.max_concurrent, (select count(*) from desk_conversations c where c.org_id = a.org_id and "
                        + "((c.state = 'assigned' and c.agent_id = a.member_id) or (c.state = 'offered' and c.offered_to = a.member_id))) as held "
                        + "from desk_agents a where a.org_id = cast(:org as uuid)")
                .bind("org", desk.org.tenant.orgId()).mapToMap().list());
        for (var r : rows) {
            long held = ((Number) r.get("held")).longValue();
            int activeCount = ((Number) r.get("active")).intValue();
            assertThat(held).as("agent %s holds what is counted", r.get("member_id")).isEqualTo(activeCount);
            assertThat(activeCount).as("agent %s within cap", r.get("member_id")).isLessThanOrEqualTo(((Number) r.get("max_concurrent")).intValue());
        }
    }

    private static Map<String, Long> states(DeskFixture desk) {
        Map<String, Long> out = new java.util.HashMap<>();
        TestServer.shared().database().db().with(h -> h.createQuery("select state, count(*) as n from desk_conversations where org_id = cast(:org as uuid) group by state")
                .bind("org", desk.org.tenant.orgId()).mapToMap().list()).forEach(r -> out.put((String) r.get("state"), ((Number) r.get("n")).longValue()));
        return out;
    }

    private static int declined(DeskFixture desk) {
        return TestServer.shared().database().db().with(h -> h.createQuery("select count(*) from desk_assignments where org_id = cast(:org as uuid) "
                + "and outcome = 'declined'").bind("org", desk.org.tenant.orgId()).mapTo(Integer.class).one());
    }

    private static int active(String agentId) {
        return TestServer.shared().database().db().with(h -> h.createQuery("select active from desk_agents where member_id = cast(:m as uuid)")
                .bind("m", agentId).mapTo(Integer.class).one());
    }

    private static List<String> queueOrder(DeskFixture desk) {
        return TestServer.shared().database().db().with(h -> h.createQuery("select id::text from desk_conversations where org_id = cast(:org as uuid) "
                + "and state = 'queued' order by priority desc, queued_at, id").bind("org", desk.org.tenant.orgId()).mapTo(String.class).list());
    }

    private static List<String> handoffOrder(DeskFixture desk) {
        return TestServer.shared().database().db().with(h -> h.createQuery("select id::text from desk_conversations where org_id = cast(:org as uuid) "
                + "and queued_at is not null order by queued_at, id").bind("org", desk.org.tenant.orgId()).mapTo(String.class).list());
    }

    private static List<String> decisions(String conversationId) {
        return TestServer.shared().database().db().with(h -> h.createQuery("select reason from desk_assignments where conversation_id = cast(:c as uuid) "
                + "order by decided_at").bind("c", conversationId).mapTo(String.class).list());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static void pause(long ms) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(ms);
    }
}
