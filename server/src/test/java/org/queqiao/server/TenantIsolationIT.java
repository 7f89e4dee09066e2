package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint that takes an id answers 404 for another organisation's ids, and leaks nothing. */
class TenantIsolationIT {
    private final ApiClient api = TestServer.client();

    @Test
    void anotherOrganisationsIdsAreNotFoundEverywhere() {
        var a = api.signup("Tenant A");
        var b = api.signup("Tenant B");
        String bDept = api.post("/api/v1/departments", b.token(), Map.of("name", "Secret dept")).json().path("id").asText();
        var bMember = api.post("/api/v1/members", b.token(), Map.of("name", "Secret Person",
                "email", "secret." + UUID.randomUUID().toString().substring(0, 6) + "@example.com"));
        String bMemberId = bMember.json().path("member").path("id").asText();
        String bInvitation = api.post("/api/v1/invitations", b.token(), Map.of("role", "member", "expiresInHours", 24)).json().path("id").asText();

        String[] gets = {"/api/v1/members/" + bMemberId, "/api/v1/departments/" + bDept, "/api/v1/members/" + b.ownerId()};
        for (String path : gets) assertNotFound(api.get(path, a.token()));
        assertNotFound(api.patch("/api/v1/members/" + bMemberId, a.token(), Map.of("name", "Hacked")));
        assertNotFound(api.patch("/api/v1/departments/" + bDept, a.token(), Map.of("name", "Hacked")));
        assertNotFound(api.delete("/api/v1/departments/" + bDept, a.token()));
        assertNotFound(api.post("/api/v1/members/" + bMemberId + "/deactivate", a.token(), Map.of("handoverTo", a.ownerId())));
        assertNotFound(api.post("/api/v1/members/" + bMemberId + "/password-reset", a.token(), Map.of()));
        assertNotFound(api.delete("/api/v1/invitations/" + bInvitation, a.token()));
        assertNotFound(api.delete("/api/v1/me/sessions/" + UUID.randomUUID(), a.token()));

        var filter = api.get("/api/v1/members?departmentId=" + bDept, a.token());
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.body()).doesNotContain("Secret");
        var mine = api.post("/api/v1/members", a.token(), Map.of("name", "Mine", "email", "mine." + UUID.randomUUID().toString().substring(0, 6) + "@example.com",
                "departmentIds", new String[]{bDept}));
        assertThat(mine.status()).isEqualTo(400);
        assertThat(mine.code()).isEqualTo("unknown_department");
        var handover = api.post("/api/v1/members/" + mine.json().path("member").path("id").asText("x") + "/deactivate", a.token(),
                Map.of("handoverTo", bMemberId));
        assertThat(handover.status()).isIn(400, 404);

        assertThat(api.get("/api/v1/members?q=Secret", a.token()).json().path("items")).isEmpty();
        assertThat(api.get("/api/v1/departments", a.token()).body()).doesNotContain("Secret");
        assertThat(api.get("/api/v1/invitations", a.token()).body()).doesNotContain(bInvitation);
        assertThat(api.get("/api/v1/audit", a.token()).body()).doesNotContain("Secret").doesNotContain(bMemberId);
        // B's data is intact
        assertThat(api.get("/api/v1/members/" + bMemberId, b.token()).json().path("name").asText()).isEqualTo("Secret Person");
    }

    private static void assertNotFound(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Secret");
    }
}
