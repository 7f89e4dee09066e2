package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.platform.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for tests: talks to the server exactly as a browser or an integrator would. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public ApiClient(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String code() {
            return json().path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    public Response post(String path, String token, Object body) {
        return send(builder(path, token).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json").POST(publisher(body));
        headers.forEach(b::header);
        return send(b);
    }

    /**
     * A POST that waits for the server's go-ahead before sending its body ({@code Expect: 100-continue}), as
     * careful clients send large bodies: a refusal by Content-Length then arrives instead of a reset
     * connection while the body is still being written.
     */
    public Response postExpectingContinue(String path, String token, String body) {
        return send(builder(path, token).expectContinue(true).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Response postRaw(String path, String token, String contentType, byte[] body) {
        return send(builder(path, token).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A download: status, headers and the raw bytes. */
    public record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {}

    public Bytes getBytes(String path, String token) {
        try {
            HttpResponse<byte[]> r = HTTP.send(builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response put(String path, String token, Object body) {
        return send(builder(path, token).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Response patch(String path, String token, Object body) {
        return send(builder(path, token).header("Content-Type", "application/json").method("PATCH", publisher(body)));
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body));
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs up a fresh organisation; returns its owner's token and ids. */
    public Tenant signup(String orgName) {
        String email = "owner." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response r = post("/api/v1/signup", null, Map.of("orgName", orgName, "name", "Owner " + orgName, "email", email,
                "password", "correct horse battery"));
        if (r.status() != 201) throw new AssertionError("signup failed: " + r);
        JsonNode j = r.json();
        return new Tenant(j.path("token").asText(), j.path("member").path("id").asText(), j.path("org").path("id").asText(), email);
    }

    public record Tenant(String token, String ownerId, String orgId, String ownerEmail) {}
}
