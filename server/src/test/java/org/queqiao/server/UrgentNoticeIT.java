package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DING: recipients by person and department, a banner until confirmed, live confirmations for the sender, re-notify. */
class UrgentNoticeIT {
    private final ApiClient api = TestServer.client();
    private final int port = TestServer.shared().gatewayPort();

    @Test
    void recipientsConfirmAndTheSenderWatchesItLive() throws Exception {
        ChatFixture f = new ChatFixture(api, "Urgent");
        String admin = f.tenant.token();
        String ward = api.post("/api/v1/departments", admin, Map.of("name", "急诊科")).json().path("id").asText();
        String team = api.post("/api/v1/departments", admin, Map.of("name", "夜班", "parentId", ward)).json().path("id").asText();
        var sender = f.member("Sender");
        var nurse = f.member("Nurse");
        var doctor = f.member("Doctor");
        var bystander = f.member("Bystander");
        assertThat(api.patch("/api/v1/members/" + nurse.id(), admin, Map.of("departmentIds", List.of(ward))).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/members/" + doctor.id(), admin, Map.of("departmentIds", List.of(team))).status()).isEqualTo(200);

        try (ChatClient s = ChatClient.connect(port, sender.token());
             ChatClient n = ChatClient.connect(port, nurse.token());
             ChatClient n2 = ChatClient.connect(port, f.anotherDevice(nurse));
             ChatClient d = ChatClient.connect(port, doctor.token());
             ChatClient b = ChatClient.connect(port, bystander.token())) {
            // the department and everything below it, plus the owner by name; never the sender
            var sent = api.post("/api/v1/urgent-notices", sender.token(), Map.of("text", "全院停电演练，收到请确认",
                    "departmentIds", List.of(ward), "memberIds", List.of(f.tenant.ownerId(), sender.id())));
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
            String id = sent.json().path("id").asText();
            assertThat(sent.json().path("recipientCount").asInt()).isEqualTo(3);

            for (ChatClient c : List.of(n, n2, d)) {
                JsonNode banner = c.nextPush("notice.urgent", 3000);
                assertThat(banner).isNotNull();
                assertThat(banner.path("text").asText()).isEqualTo("全院停电演练，收到请确认");
            }
            assertThat(b.nextPush("notice.urgent", 300)).isNull();
            // the banner survives a reload: it is fetched until confirmed
            assertThat(api.get("/api/v1/urgent-notices/pending", nurse.token()).json().path("items")).hasSize(1);

            var confirmed = api.post("/api/v1/urgent-notices/" + id + "/confirm", nurse.token(), Map.of());
            assertThat(confirmed.json().path("confirmedCount").asInt()).isEqualTo(1);
            JsonNode live = s.nextPush("notice.confirmed", 3000);
            assertThat(live.path("memberId").asText()).isEqualTo(nurse.id());
            assertThat(live.path("confirmedCount").asInt()).isEqualTo(1);
            assertThat(live.path("recipientCount").asInt()).isEqualTo(3);
            assertThat(n2.nextPush("notice.confirmed", 3000)).as("the nurse's other device drops the banner").isNotNull();
            assertThat(api.get("/api/v1/urgent-notices/pending", nurse.token()).json().path("items")).isEmpty();
            // confirming twice changes nothing
            assertThat(api.post("/api/v1/urgent-notices/" + id + "/confirm", nurse.token(), Map.of()).json().path("confirmedCount").asInt()).isEqualTo(1);

            List<String> waiting = new ArrayList<>();
            api.get("/api/v1/urgent-notices/" + id + "/recipients", sender.token()).json().path("items").forEach(x -> waiting.add(x.asText()));
            assertThat(waiting).containsExactlyInAnyOrder(doctor.id(), f.tenant.ownerId());
            var again = api.post("/api/v1/urgent-notices/" + id + "/renotify", sender.token(), Map.of());
            // created just now: a re-notify within the first minute is refused
            assertThat(again.status()).isEqualTo(429);
            assertThat(again.code()).isEqualTo("renotify_too_soon");

            // outsiders: neither the bystander nor another organisation can see it
            assertThat(api.get("/api/v1/urgent-notices/" + id, bystander.token()).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/urgent-notices/" + id + "/confirm", bystander.token(), Map.of()).status()).isEqualTo(404);
            var other = api.signup("Other hospital");
            assertThat(api.get("/api/v1/urgent-notices/" + id, other.token()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/urgent-notices/" + id + "/recipients", doctor.token()).status()).as("recipients do not see the list").isEqualTo(404);
        }
    }

    @Test
    void badRequestsAreRefusedClearly() {
        ChatFixture f = new ChatFixture(api, "Urgent input");
        var sender = f.member("Sender");
        assertThat(api.post("/api/v1/urgent-notices", sender.token(), Map.of("text", "hi")).code()).isEqualTo("required");
        assertThat(api.post("/api/v1/urgent-notices", sender.token(), Map.of("text", "hi", "memberIds", List.of(sender.id()))).code()).isEqualTo("no_recipients");
        assertThat(api.post("/api/v1/urgent-notices", sender.token(), Map.of("text", "", "memberIds", List.of(f.tenant.ownerId()))).code()).isEqualTo("required");
        assertThat(api.post("/api/v1/urgent-notices", sender.token(), Map.of("text", "hi", "memberIds", List.of("nope"))).code()).isEqualTo("invalid_id");
        // several lines are fine; a bell is not
        assertThat(api.post("/api/v1/urgent-notices", sender.token(), Map.of("text", "第一行\n第二行", "memberIds", List.of(f.tenant.ownerId()))).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/urgent-notices", sender.token(), Map.of("text", "bell\u0007", "memberIds", List.of(f.tenant.ownerId()))).code())
                .isEqualTo("control_character");
    }
}
