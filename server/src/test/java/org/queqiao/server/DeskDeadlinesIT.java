package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines and order at the desk, on a server with short ones: a lapsed offer goes to the next agent
 * and never back; a visitor waiting past the group's maximum gets the offline form; outside business
 * hours nobody is queued; VIPs are served first; a returning visitor gets their agent; an offboarded
 * agent's conversations go back to the queue.
 */
class DeskDeadlinesIT {
    private static QueqiaoServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("desk.offer-timeout", "1s", "desk.bot-idle-close", "5s"));
        api = new ApiClient("http://127.0.0.1:" + server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLapsedOfferGoesToTheNextAgentAndNeverBack() throws Exception {
        DeskFixture desk = new DeskFixture(api, server.gatewayPort(), "Deadlines offers");
        var slow = desk.agent("Slow", 2);
        var quick = desk.agent("Quick", 2);
        try (ChatClient s = desk.online(slow)) {
            String id = desk.queued(desk.visitor());
            assertThat(s.nextPush("desk.offer", 5000).path("conversationId").asText()).isEqualTo(id);
            JsonNode withdrawn = MeetingFixture.next(s, "desk.conversation", p -> "withdrawn".equals(p.path("state").asText()));
            assertThat(withdrawn.path("outcome").asText()).isEqualTo("expired");
            try (ChatClient q = desk.online(quick)) {
                assertThat(q.nextPush("desk.offer", 5000).path("conversationId").asText()).isEqualTo(id);
                assertThat(MeetingFixture.code(s.call("desk.accept", Map.of("conversationId", id)))).isEqualTo("not_offered");
                q.ok("desk.accept", Map.of("conversationId", id));
            }
            assertThat(s.nextPush("desk.offer", 1500)).as("the agent who let it lapse is not offered it again").isNull();
        }
    }

    @Test
    void waitingPastTheMaximumSendsTheVisitorToTheOfflineForm() throws Exception {
        DeskFixture desk = new DeskFixture(api, server.gatewayPort(), "Deadlines wait");
        DeskFixture.ok(api.patch("/api/v1/desk/groups/" + desk.groupId, desk.owner().token(), Map.of("maxWaitSeconds", 2)), 200);
        DeskFixture.Visitor v = desk.visitor();
        try (ChatClient visitor = desk.connect(v)) {
            visitor.ok("visitor.open", Map.of());
            assertThat(visitor.ok("visitor.human", Map.of()).path("outcome").asText()).isEqualTo("queued");
            JsonNode queued = MeetingFixture.next(visitor, "visitor.state", s -> s.has("position"));
            assertThat(queued.path("position").asInt()).isEqualTo(1);
            JsonNode missed = MeetingFixture.next(visitor, "visitor.state", s -> "missed".equals(s.path("state").asText()));
            assertThat(missed.path("offlineForm").asText()).isEqualTo("max_wait");
            JsonNode left = visitor.ok("visitor.leave-message", Map.of("name", "李先生", "phone", "13800138000", "text", "请回电"));
            assertThat(left.path("id").asText()).isNotEmpty();
            assertThat(MeetingFixture.code(visitor.call("visitor.leave-message", Map.of("name", "x", "text", "no contact")))).isEqualTo("contact_required");
        }
        JsonNode messages = DeskFixture.ok(api.get("/api/v1/desk/offline-messages", desk.owner().token()), 200).path("items");
        assertThat(messages.toString()).contains("请回电").contains("13800138000");
    }

    @Test
    void outsideBusinessHoursNobodyIsQueued() throws Exception {
        DeskFixture desk = new DeskFixture(api, server.gatewayPort(), "Deadlines hours");
        // open one minute a week, on a day that is not today
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getDayOfWeek().plus(3).name().substring(0, 3).toLowerCase();
        DeskFixture.ok(api.patch("/api/v1/desk/groups/" + desk.groupId, desk.owner().token(),
                Map.of("businessHours", Map.of("timeZone", "UTC", "week", Map.of(day, List.of(List.of("09:00", "09:01")))))), 200);
        var bad = api.patch("/api/v1/desk/groups/" + desk.groupId, desk.owner().token(),
                Map.of("businessHours", Map.of("timeZone", "UTC", "week", Map.of("mon", List.of(List.of("18:00", "09:00"))))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("invalid_business_hours");
        assertThat(bad.json().path("field").asText()).startsWith("week.mon");
        DeskFixture.Visitor v = desk.visitor();
        try (ChatClient visitor = desk.connect(v)) {
            visitor.ok("visitor.open", Map.of());
            assertThat(visitor.ok("visitor.human", Map.of()).path("outcome").asText()).isEqualTo("closed_hours");
            JsonNode state = MeetingFixture.next(visitor, "visitor.state", s -> s.has("offlineForm"));
            assertThat(state.path("offlineForm").asText()).isEqualTo("closed_hours");
            assertThat(state.path("state").asText()).isEqualTo("bot");
        }
    }

    @Test
    void vipsFirstThenFirstComeAndAReturningVisitorGetsTheirAgent() throws Exception {
        DeskFixture desk = new DeskFixture(api, server.gatewayPort(), "Deadlines order");
        var ann = desk.agent("Ann", 1);
        var ben = desk.agent("Ben", 1);
        DeskFixture.Visitor early = desk.visitor();
        DeskFixture.Visitor vip = desk.visitor();
        String earlyId = desk.queued(early);
        DeskFixture.ok(api.patch("/api/v1/desk/visitors/" + vip.id(), desk.owner().token(), Map.of("vip", true)), 200);
        String vipId = desk.queued(vip);
        try (ChatClient a = desk.online(ann)) {
            assertThat(a.nextPush("desk.offer", 5000).path("conversationId").asText()).as("the VIP first").isEqualTo(vipId);
            a.ok("desk.accept", Map.of("conversationId", vipId));
            a.ok("desk.close", Map.of("conversationId", vipId));
            assertThat(a.nextPush("desk.offer", 5000).path("conversationId").asText()).isEqualTo(earlyId);
            a.ok("desk.accept", Map.of("conversationId", earlyId));
            try (ChatClient b = desk.online(ben)) {
                // the VIP comes back while Ann is busy: Ben, the only one with room, gets it
                String again = desk.queued(vip);
                assertThat(b.nextPush("desk.offer", 5000).path("conversationId").asText()).isEqualTo(again);
                b.ok("desk.decline", Map.of("conversationId", again));
                // Ann frees up: the returning visitor's agent takes it (sticky), even though Ben declined first
                a.ok("desk.close", Map.of("conversationId", earlyId));
                assertThat(a.nextPush("desk.offer", 5000).path("conversationId").asText()).isEqualTo(again);
                String reasons = server.database().db().with(h -> h.createQuery("select string_agg(reason, ',' order by decided_at) from desk_assignments "
                        + "where conversation_id = cast(:c as uuid)").bind("c", again).mapTo(String.class).one());
                assertThat(reasons).isEqualTo("least_busy,declined,sticky");
            }
        }
    }

    @Test
    void aVisitorWhoLeftTheBotIsClosedAndCountsAsResolvedByTheBot() throws Exception {
        DeskFixture desk = new DeskFixture(api, server.gatewayPort(), "Deadlines idle");
        DeskFixture.Visitor v = desk.visitor();
        try (ChatClient visitor = desk.connect(v)) {
            String id = visitor.ok("visitor.open", Map.of()).path("conversation").path("id").asText();
            long deadline = System.currentTimeMillis() + 20_000;
            JsonNode closed = null;
            while (closed == null && System.currentTimeMillis() < deadline) {
                closed = MeetingFixture.next(visitor, "visitor.state", s -> "closed".equals(s.path("state").asText()));
            }
            assertThat(closed).as("closed after 5 s of quiet").isNotNull();
            assertThat(closed.path("conversationId").asText()).isEqualTo(id);
            assertThat(closed.has("csat")).as("no survey: no person handled it").isFalse();
        }
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode day = DeskFixture.ok(api.get("/api/v1/desk/reports?from=" + today + "&to=" + today, desk.owner().token()), 200).path("items").get(0);
        assertThat(day.path("botResolved").asInt()).isEqualTo(1);
    }

    @Test
    void anOffboardedAgentsConversationsGoBackToTheQueue() throws Exception {
        DeskFixture desk = new DeskFixture(api, server.gatewayPort(), "Deadlines offboarding");
        var leaving = desk.agent("Leaving", 2);
        var staying = desk.agent("Staying", 2);
        String id = desk.queued(desk.visitor());
        try (ChatClient l = desk.online(leaving)) {
            l.nextPush("desk.offer", 5000);
            l.ok("desk.accept", Map.of("conversationId", id));
        }
        DeskFixture.ok(api.post("/api/v1/members/" + leaving.id() + "/deactivate", desk.owner().token(), Map.of("handoverTo", desk.owner().id())), 200);
        try (ChatClient s = desk.online(staying)) {
            assertThat(s.nextPush("desk.offer", 5000).path("conversationId").asText()).isEqualTo(id);
        }
        assertThat(api.get("/api/v1/desk/agents", desk.owner().token()).json().path("items").toString()).doesNotContain(leaving.id());
    }
}
