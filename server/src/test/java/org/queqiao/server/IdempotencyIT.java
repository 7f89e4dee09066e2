package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried creating POST with the same Idempotency-Key returns the first result, never a copy. */
class IdempotencyIT {
    private final ApiClient api = TestServer.client();

    @Test
    void retriesReplayTheFirstResponse() {
        var t = api.signup("Idempotent");
        Map<String, String> key = Map.of("Idempotency-Key", "create-dept-1");
        var first = api.post("/api/v1/departments", t.token(), Map.of("name", "Sales"), key);
        var retry = api.post("/api/v1/departments", t.token(), Map.of("name", "Sales"), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(api.get("/api/v1/departments", t.token()).json().path("items")).hasSize(1);
        var misuse = api.post("/api/v1/departments", t.token(), Map.of("name", "Marketing"), key);
        assertThat(misuse.status()).isEqualTo(422);
        assertThat(misuse.code()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void aFailedRequestDoesNotBurnItsKey() {
        var t = api.signup("Idempotent failure");
        Map<String, String> key = Map.of("Idempotency-Key", "retry-after-fix");
        assertThat(api.post("/api/v1/departments", t.token(), Map.of("name", ""), key).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/departments", t.token(), Map.of("name", ""), key).status()).isEqualTo(400);
    }
}
