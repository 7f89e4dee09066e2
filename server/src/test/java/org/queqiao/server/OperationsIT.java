package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.queqiao.http.ApiRoutes;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics, and the OpenAPI document held against the routes the server really serves. */
class OperationsIT {
    private final ApiClient api = TestServer.client();

    @Test
    void healthReportsTheDatabase() {
        var r = api.get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("up");
        assertThat(r.json().path("checks").path("database").asText()).isEqualTo("up");
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    }

    @Test
    void metricsArePrometheusTextWithRequestTimings() {
        api.get("/health", null);
        var r = api.get("/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.body()).contains("http_server_requests_seconds_count").contains("route=\"/health\"").contains("jvm_memory_used_bytes");
    }

    @Test
    void openApiDocumentsExactlyTheServedRoutes() {
        JsonNode doc = api.get("/api/openapi.json", null).json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            var path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method + " " + path.getKey()));
        }
        Set<String> served = new HashSet<>();
        for (ApiRoutes.Route r : TestServer.shared().http().routes()) served.add(r.method() + " " + r.path());
        assertThat(documented).as("documented but not served").isSubsetOf(served);
        assertThat(served).as("served but not documented").isSubsetOf(documented);
        // every documented operation names its responses, and error responses are problem+json
        doc.path("paths").forEach(p -> p.forEach(op -> {
            assertThat(op.path("responses").size()).isPositive();
            op.path("responses").fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("4")) assertThat(e.getValue().path("content").has("application/problem+json")).isTrue();
            });
        }));
    }

    @Test
    void theWebClientIsServedAtTheRoot() {
        var root = api.get("/", null);
        var deepLink = api.get("/admin/members", null);
        if (getClass().getResource("/queqiao-web/index.html") == null) return; // built without the web module
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\"");
        assertThat(deepLink.status()).as("single-page app deep links fall back to index.html").isEqualTo(200);
    }
}
