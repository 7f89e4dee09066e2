package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Imported members get one-time activation codes from their admin and choose their own password. */
class ActivationIT {
    private final ApiClient api = TestServer.client();

    @Test
    void importedMembersActivateWithTheirCodeOnce() {
        var t = api.signup("Activation school");
        String s = UUID.randomUUID().toString().substring(0, 6);
        String csv = "name,email\n张伟,zw." + s + "@example.com\n=cmd|calc,x." + s + "@example.com\n";
        assertThat(api.postRaw("/api/v1/members/import", t.token(), "text/csv", csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);

        var codes = api.post("/api/v1/members/activation-codes", t.token(), "");
        assertThat(codes.status()).isEqualTo(200);
        assertThat(codes.contentType()).startsWith("text/csv");
        List<String> lines = codes.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("name,email,activationCode,expiresAt");
        assertThat(lines).hasSize(3).as("the owner has a password and gets no code").noneMatch(l -> l.contains(t.ownerEmail()));
        assertThat(lines).anyMatch(l -> l.startsWith("'=cmd|calc,")).as("formula-like cells are neutralised");
        String[] zhang = lines.stream().filter(l -> l.startsWith("张伟,")).findFirst().orElseThrow().split(",");
        String email = zhang[1], code = zhang[2];

        var wrong = api.post("/api/v1/activate", null, Map.of("email", email, "code", "AAAAA-BBBBB", "password", "my own password 1"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid_activation");
        var weak = api.post("/api/v1/activate", null, Map.of("email", email, "code", code, "password", "short"));
        assertThat(weak.json().path("field").asText()).isEqualTo("password");

        var ok = api.post("/api/v1/activate", null, Map.of("email", email, "code", code.toLowerCase(), "password", "my own password 1"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().path("mustChangePassword").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/me", ok.json().path("token").asText()).json().path("member").path("name").asText()).isEqualTo("张伟");
        assertThat(api.post("/api/v1/activate", null, Map.of("email", email, "code", code, "password", "another one 22")).status())
                .as("a code works once").isEqualTo(401);
        assertThat(api.post("/api/v1/sessions", null, Map.of("email", email, "password", "my own password 1")).status()).isEqualTo(201);

        var again = api.post("/api/v1/members/activation-codes", t.token(), "");
        assertThat(again.body().lines().toList()).as("only the member still without a password").hasSize(2);
        assertThat(api.post("/api/v1/members/activation-codes", api.post("/api/v1/sessions", null,
                Map.of("email", email, "password", "my own password 1")).json().path("token").asText(), "").code()).isEqualTo("admin_required");
        assertThat(Arrays.asList(again.body().split("\n"))).noneMatch(l -> l.contains(code));
    }
}
