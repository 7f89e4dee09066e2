package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A departed employee was still in our group chats": deactivation ends every session and closes
 * every realtime connection of the member within one second, hands their things over, and is audited.
 */
class OffboardingIT {
    private final ApiClient api = TestServer.client();

    @Test
    void deactivationRevokesTokensAndClosesSocketsWithinOneSecond() throws Exception {
        var t = api.signup("Offboarding");
        String email = "leaver." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        var created = api.post("/api/v1/members", t.token(), Map.of("name", "离职员工", "email", email, "role", "admin"));
        String id = created.json().path("member").path("id").asText();
        String temp = created.json().path("temporaryPassword").asText();
        String laptop = api.post("/api/v1/sessions", null, Map.of("email", email, "password", temp, "deviceName", "laptop")).json().path("token").asText();
        String phone = api.post("/api/v1/sessions", null, Map.of("email", email, "password", temp, "deviceName", "phone")).json().path("token").asText();
        var invitation = api.post("/api/v1/invitations", laptop, Map.of("role", "member", "expiresInHours", 24));
        assertThat(invitation.status()).isEqualTo(201);

        int port = TestServer.shared().gatewayPort();
        RealtimeClient sockLaptop = RealtimeClient.connect(port, laptop);
        RealtimeClient sockPhone = RealtimeClient.connect(port, phone);
        RealtimeClient bystander = RealtimeClient.connect(port, t.token());
        for (RealtimeClient c : new RealtimeClient[]{sockLaptop, sockPhone, bystander}) {
            JsonNode ready = c.next(5000);
            assertThat(ready).isNotNull();
            assertThat(ready.path("t").asText()).isEqualTo("ready");
        }

        long start = System.nanoTime();
        var r = api.post("/api/v1/members/" + id + "/deactivate", t.token(), Map.of("handoverTo", t.ownerId()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("deactivated");

        assertThat(api.get("/api/v1/me", laptop).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", phone).status()).isEqualTo(401);
        long laptopClosed = sockLaptop.closedAtNanos.get(2, TimeUnit.SECONDS);
        long phoneClosed = sockPhone.closedAtNanos.get(2, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(Math.max(laptopClosed, phoneClosed) - start)).as("sockets closed within 1 s").isLessThan(1000);
        assertThat(bystander.closed).isNotDone();
        assertThat(api.get("/api/v1/me", t.token()).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/sessions", null, Map.of("email", email, "password", temp)).status()).isEqualTo(401);
        var invitations = api.get("/api/v1/invitations", t.token()).json().path("items");
        assertThat(invitations).hasSize(1);
        var audit = api.get("/api/v1/audit", t.token()).json().path("items");
        JsonNode entry = null;
        for (JsonNode e : audit) if (e.path("action").asText().equals("member.deactivated")) entry = e;
        assertThat(entry).isNotNull();
        assertThat(entry.path("targetId").asText()).isEqualTo(id);
        assertThat(entry.path("details").path("sessionsRevoked").asInt()).isEqualTo(2);
        assertThat(entry.path("details").path("itemsHandedOver").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/members?status=deactivated", t.token()).json().path("items").findValuesAsText("name")).contains("离职员工");
    }

    @Test
    void ownersAndSelfCannotBeDeactivatedAndAHandoverIsRequired() {
        var t = api.signup("Offboarding rules");
        var other = api.post("/api/v1/members", t.token(), Map.of("name", "B", "email", "b." + UUID.randomUUID().toString().substring(0, 6) + "@example.com"));
        String otherId = other.json().path("member").path("id").asText();
        assertThat(api.post("/api/v1/members/" + t.ownerId() + "/deactivate", t.token(), Map.of("handoverTo", otherId)).code()).isEqualTo("self_deactivation");
        assertThat(api.post("/api/v1/members/" + otherId + "/deactivate", t.token(), Map.of()).json().path("field").asText()).isEqualTo("handoverTo");
        assertThat(api.post("/api/v1/members/" + otherId + "/deactivate", t.token(), Map.of("handoverTo", otherId)).code()).isEqualTo("same_member");
    }
}
