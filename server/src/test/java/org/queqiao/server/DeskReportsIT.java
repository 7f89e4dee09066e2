package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports add up what happened: handed off or bot-resolved, times from the handoff, CSAT, SLA breaches; the CSV has a row per conversation. */
class DeskReportsIT {
    private final ApiClient api = TestServer.client();
    private final int gatewayPort = TestServer.shared().gatewayPort();

    @Test
    void reportsCountConversationsTimesSatisfactionAndBreaches() throws Exception {
        DeskFixture desk = new DeskFixture(api, gatewayPort, "Desk reports");
        String owner = desk.owner().token();
        DeskFixture.ok(api.patch("/api/v1/desk/groups/" + desk.groupId, owner, Map.of("slaFirstResponseSeconds", 1)), 200);
        var agent = desk.agent("Agent", 3);
        DeskFixture.Visitor helped = desk.visitor();
        DeskFixture.Visitor selfServed = desk.visitor();
        try (ChatClient a = desk.online(agent); ChatClient v = desk.connect(helped); ChatClient s = desk.connect(selfServed)) {
            String id = desk.queued(helped);
            a.nextPush("desk.offer", 5000);
            a.ok("desk.accept", Map.of("conversationId", id));
            Thread.sleep(1200); // past the one-second first-response target
            a.ok("chat.send", Map.of("conversationId", id, "clientMsgId", DeskFixture.clientMsgId(), "kind", "text", "text", "您好"));
            a.ok("desk.close", Map.of("conversationId", id, "tags", java.util.List.of("billing")));
            v.ok("visitor.rate", Map.of("conversationId", id, "score", 4, "comment", "=cmd|' /C calc'!A0"));
            s.ok("visitor.open", Map.of());
            s.ok("visitor.end", Map.of());
        }
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode byDay = DeskFixture.ok(api.get("/api/v1/desk/reports?from=" + today + "&to=" + today, owner), 200);
        assertThat(byDay.path("zone").asText()).isEqualTo("Asia/Shanghai");
        JsonNode day = byDay.path("items").get(0);
        assertThat(day.path("key").asText()).isEqualTo(today);
        assertThat(day.path("conversations").asInt()).isEqualTo(2);
        assertThat(day.path("handedOff").asInt()).isEqualTo(1);
        assertThat(day.path("botResolved").asInt()).isEqualTo(1);
        assertThat(day.path("csatAverage").asDouble()).isEqualTo(4.0);
        assertThat(day.path("firstResponseBreaches").asInt()).isEqualTo(1);
        assertThat(day.path("avgFirstResponseSeconds").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(day.path("avgWaitSeconds").asDouble()).isLessThan(day.path("avgFirstResponseSeconds").asDouble());

        JsonNode byAgent = DeskFixture.ok(api.get("/api/v1/desk/reports?by=agent&from=" + today + "&to=" + today, owner), 200).path("items");
        assertThat(byAgent.toString()).contains(agent.id());
        // a range of whole months reads the monthly sums, a range of days the daily ones: the same figures
        LocalDate first = LocalDate.parse(today).withDayOfMonth(1);
        String wholeMonths = "/api/v1/desk/reports?by=agent&from=" + first.minusMonths(1) + "&to=" + first.plusMonths(1).minusDays(1);
        assertThat(DeskFixture.ok(api.get(wholeMonths, owner), 200).path("items")).isEqualTo(byAgent);
        String ragged = "/api/v1/desk/reports?by=group&from=" + first.minusMonths(1).plusDays(3) + "&to=" + first.plusMonths(1).minusDays(1);
        assertThat(DeskFixture.ok(api.get(ragged, owner), 200).path("items").get(0).path("conversations").asInt()).isEqualTo(2);

        // the daily sums equal a recomputation from the conversations themselves
        DeskFixture.ok(api.post("/api/v1/desk/reports/rebuild", owner, Map.of()), 200);
        JsonNode rebuilt = DeskFixture.ok(api.get("/api/v1/desk/reports?from=" + today + "&to=" + today, owner), 200);
        assertThat(rebuilt.path("items")).isEqualTo(byDay.path("items"));

        var csv = api.getBytes("/api/v1/desk/reports/conversations.csv?from=" + today + "&to=" + today, owner);
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(3);
        assertThat(text).startsWith("conversation_id,group_id,agent_id").contains(",billing,4,").contains("'=cmd|' /C calc'!A0").contains(",true,");

        assertThat(api.get("/api/v1/desk/reports?from=2026-12-05&to=2026-12-01", owner).code()).isEqualTo("invalid_range");
        assertThat(api.get("/api/v1/desk/reports?from=yesterday&to=" + today, owner).code()).isEqualTo("invalid_date");
        assertThat(api.get("/api/v1/desk/reports?from=" + today + "&to=" + today, desk.org.member("Nobody").token()).code()).isEqualTo("supervisor_required");
    }
}
