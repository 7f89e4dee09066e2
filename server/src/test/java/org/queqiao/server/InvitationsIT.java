package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitation links and codes: join, limits, revocation. */
class InvitationsIT {
    private final ApiClient api = TestServer.client();

    @Test
    void aCodeLetsPeopleJoinUntilItIsUsedUpOrRevoked() {
        var t = api.signup("邀请测试");
        var inv = api.post("/api/v1/invitations", t.token(), Map.of("role", "guest", "expiresInHours", 48, "maxUses", 1));
        assertThat(inv.status()).isEqualTo(201);
        String code = inv.json().path("code").asText();
        assertThat(inv.json().path("url").asText()).endsWith("/join/" + code);
        var lookup = api.get("/api/v1/invitations/code/" + code, null);
        assertThat(lookup.json().path("orgName").asText()).isEqualTo("邀请测试");
        assertThat(lookup.json().path("role").asText()).isEqualTo("guest");
        var joined = api.post("/api/v1/invitations/code/" + code.toLowerCase() + "/accept", null,
                Map.of("name", "外部顾问", "email", "guest." + UUID.randomUUID().toString().substring(0, 6) + "@example.com", "password", "guest password 1"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.json().path("member").path("role").asText()).isEqualTo("guest");
        assertThat(api.get("/api/v1/me", joined.json().path("token").asText()).status()).isEqualTo(200);
        var second = api.post("/api/v1/invitations/code/" + code + "/accept", null,
                Map.of("name", "Late", "email", "late." + UUID.randomUUID().toString().substring(0, 6) + "@example.com", "password", "guest password 1"));
        assertThat(second.status()).isEqualTo(404);

        String other = api.post("/api/v1/invitations", t.token(), Map.of("role", "member", "expiresInHours", 1)).json().path("id").asText();
        String otherCode = api.get("/api/v1/invitations", t.token()).json().path("items").get(0).path("code").asText();
        assertThat(api.delete("/api/v1/invitations/" + other, t.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/invitations/code/" + otherCode, null).status()).isEqualTo(404);
    }
}
