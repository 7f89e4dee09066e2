package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, sign-in, the device list, sign-out everywhere, lockout and password changes, over real HTTP. */
class AccountsIT {
    private final ApiClient api = TestServer.client();

    @Test
    void signupSignsTheOwnerInAndMeShowsTheFreePlan() {
        var t = api.signup("鹊桥小学");
        var me = api.get("/api/v1/me", t.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("member").path("role").asText()).isEqualTo("owner");
        assertThat(me.json().path("mustChangePassword").asBoolean()).isFalse();
        assertThat(me.json().path("org").path("name").asText()).isEqualTo("鹊桥小学");
        assertThat(me.json().path("org").path("plan").path("id").asText()).isEqualTo("free");
        assertThat(me.json().path("org").path("plan").path("quotas").path("meetingCapacity").asLong()).isEqualTo(100);
        assertThat(me.json().path("org").path("plan").path("quotas").path("agentSeats").asLong()).isEqualTo(2);
    }

    @Test
    void loginListsDevicesAndSignOutEverywhereEndsThemAll() {
        var t = api.signup("Devices");
        var phone = login(t.ownerEmail(), "correct horse battery", "phone");
        assertThat(phone.status()).isEqualTo(201);
        String phoneToken = phone.json().path("token").asText();
        var list = api.get("/api/v1/me/sessions", phoneToken);
        assertThat(list.json().path("items")).hasSize(2);
        assertThat(list.json().path("items").findValuesAsText("deviceName")).contains("phone");
        assertThat(api.delete("/api/v1/me/sessions", phoneToken).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", phoneToken).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", t.token()).code()).isEqualTo("invalid_token");
    }

    @Test
    void logoutEndsOnlyThisSession() {
        var t = api.signup("Logout");
        String second = login(t.ownerEmail(), "correct horse battery", "laptop").json().path("token").asText();
        assertThat(api.delete("/api/v1/sessions/current", second).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", second).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", t.token()).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsLockTheAccountWithAClearError() {
        var t = api.signup("Lockout");
        for (int i = 0; i < 5; i++) {
            var r = login(t.ownerEmail(), "wrong password " + i, "x");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("invalid_credentials");
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        var locked = login(t.ownerEmail(), "correct horse battery", "x");
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("account_locked");
        assertThat(locked.json().path("retryAfterSeconds").asLong()).isPositive();
    }

    @Test
    void unknownAccountsLookLikeWrongPasswords() {
        var r = login("nobody." + UUID.randomUUID() + "@example.com", "whatever123", "x");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("invalid_credentials");
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsTheOthers() {
        var t = api.signup("Password");
        String other = login(t.ownerEmail(), "correct horse battery", "tablet").json().path("token").asText();
        var wrong = api.post("/api/v1/me/password", t.token(), Map.of("currentPassword", "nope nope", "newPassword", "a new secret 42"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("field").asText()).isEqualTo("currentPassword");
        var ok = api.post("/api/v1/me/password", t.token(), Map.of("currentPassword", "correct horse battery", "newPassword", "a new secret 42"));
        assertThat(ok.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", t.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", other).status()).isEqualTo(401);
        assertThat(login(t.ownerEmail(), "a new secret 42", "x").status()).isEqualTo(201);
    }

    @Test
    void adminResetGivesATemporaryPasswordAndEndsTheMembersSessions() {
        var t = api.signup("Reset");
        var created = api.post("/api/v1/members", t.token(), Map.of("name", "王芳", "email", "wf." + UUID.randomUUID().toString().substring(0, 6) + "@example.com"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("member").path("id").asText();
        String email = created.json().path("member").path("email").asText();
        String temp = created.json().path("temporaryPassword").asText();
        var first = login(email, temp, "pc");
        assertThat(first.json().path("mustChangePassword").asBoolean()).as("a temporary password must be changed").isTrue();
        String memberToken = first.json().path("token").asText();
        assertThat(api.get("/api/v1/me", memberToken).json().path("mustChangePassword").asBoolean()).isTrue();
        var reset = api.post("/api/v1/members/" + id + "/password-reset", t.token(), Map.of());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", memberToken).status()).isEqualTo(401);
        assertThat(login(email, reset.json().path("temporaryPassword").asText(), "pc").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/members/" + id + "/password-reset", memberToken, Map.of()).status()).isEqualTo(401);
    }

    private ApiClient.Response login(String email, String password, String device) {
        return api.post("/api/v1/sessions", null, Map.of("email", email, "password", password, "deviceName", device));
    }
}
