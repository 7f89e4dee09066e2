package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed, mistyped and oversized input gets a 4xx problem naming the field; never a 500. */
class BadInputIT {
    private final ApiClient api = TestServer.client();

    @Test
    void malformedJsonWrongTypesAndUnknownEnumsNameTheField() {
        var t = api.signup("Bad input");
        problem(api.post("/api/v1/departments", t.token(), "{\"name\": "), 400, "malformed_json", "body");
        problem(api.post("/api/v1/departments", t.token(), "[1,2]"), 400, "not_an_object", "body");
        problem(api.post("/api/v1/departments", t.token(), Map.of("name", 42)), 400, "wrong_type", "name");
        problem(api.post("/api/v1/departments", t.token(), Map.of("name", "x", "parentId", "not-a-uuid")), 400, "invalid_id", "parentId");
        problem(api.post("/api/v1/members", t.token(), Map.of("name", "A", "email", "a@example.com", "role", "emperor")), 400, "invalid_value", "role");
        problem(api.post("/api/v1/members", t.token(), Map.of("name", "A", "email", "a@example.com", "role", "owner")), 400, "role_not_assignable", "role");
        problem(api.post("/api/v1/members", t.token(), Map.of("name", "", "email", "a@example.com")), 400, "required", "name");
        problem(api.post("/api/v1/members", t.token(), Map.of("name", "A", "email", "nope")), 400, "invalid_email", "email");
        problem(api.post("/api/v1/members", t.token(), Map.of("name", "A", "email", "a@example.com", "departmentIds", "x")), 400, "wrong_type", "departmentIds");
        problem(api.post("/api/v1/invitations", t.token(), Map.of("role", "member", "expiresInHours", "soon")), 400, "wrong_type", "expiresInHours");
        problem(api.post("/api/v1/invitations", t.token(), Map.of("role", "member", "expiresInHours", 100000)), 400, "out_of_range", "expiresInHours");
        problem(api.get("/api/v1/members?limit=abc", t.token()), 400, "invalid_number", "limit");
        problem(api.get("/api/v1/members?limit=100000", t.token()), 400, "out_of_range", "limit");
        problem(api.get("/api/v1/members?cursor=zzzz", t.token()), 400, "invalid_cursor", "cursor");
        problem(api.get("/api/v1/members?status=gone", t.token()), 400, "invalid_value", "status");
        problem(api.post("/api/v1/signup", null, Map.of("orgName", "X", "name", "Y", "email", "y@example.com", "password", "short")), 400, "password_too_short", "password");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        var t = api.signup("Big");
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        // refused by its Content-Length before a byte of it is read (a client that streams the body anyway may
        // see the connection closed under it: that race is HTTP/1.1's, hence the go-ahead here)
        var r = api.postExpectingContinue("/api/v1/departments", t.token(), huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("body_too_large");
    }

    @Test
    void invalidCsvFilesAreExplained() {
        var t = api.signup("Bad CSV");
        problem(csv(t, ""), 400, "empty_file", "file");
        problem(csv(t, "nom,courriel\nA,b@example.com\n"), 400, "unknown_column", "file");
        problem(csv(t, "name,title\nA,B\n"), 400, "missing_column", "file");
        problem(csv(t, "name,email\n"), 400, "no_rows", "file");
        var latin1 = api.postRaw("/api/v1/members/import", t.token(), "text/csv", "name,email\n\u00e9\u00e8,a@example.com\n".getBytes(StandardCharsets.ISO_8859_1));
        problem(latin1, 400, "not_utf8", "file");
        var quotes = csv(t, "name,email\n\"unterminated,a@example.com\n");
        assertThat(quotes.status()).isBetween(400, 422);
    }

    @Test
    void unknownRoutesAndMissingTokensAreProblems() {
        problem(api.get("/api/v1/nope", null), 404, "no_such_route", null);
        problem(api.get("/api/v1/members", null), 401, "auth_required", null);
        problem(api.get("/api/v1/members", "qq_forged"), 401, "invalid_token", null);
        problem(api.get("/api/v1/members/not-a-uuid", api.signup("X").token()), 404, "not_found", null);
    }

    private ApiClient.Response csv(ApiClient.Tenant t, String body) {
        return api.postRaw("/api/v1/members/import", t.token(), "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(ApiClient.Response r, int status, String code, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        if (field != null) assertThat(r.json().path("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }
}
