package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Login;
import org.queqiao.gateway.TestTokens.Member;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.gateway.GatewayHarness.eventually;

class AuthenticationTest {
    private GatewayHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void aValidTokenInTheFirstFrameGetsReady() {
        h = GatewayHarness.start("gateway.heartbeat-interval", "25s");
        Login login = h.login(Member.random());
        WsClient client = h.connect();

        JsonNode ready = client.ready(login.token());

        assertThat(ready.path("resumeKey").asText()).hasSizeGreaterThan(15);
        assertThat(ready.path("seq").asLong()).isZero();
        assertThat(ready.path("heartbeatMs").asLong()).isEqualTo(25_000);
        assertThat(ready.path("resumed").asBoolean()).isFalse();
        assertThat(ready.has("resumeError")).isFalse();
        eventually("the connection counts", () -> h.gateway.connectionCount() == 1);
        assertThat(h.tokens.calledOffVirtualThread).as("authenticator ran on a virtual thread").isFalse();
    }

    @Test
    void anUnknownTokenIsRefusedAndClosed() {
        h = GatewayHarness.start();
        WsClient client = h.connect();

        client.auth("no-such-token");

        client.expectError("auth_failed");
        assertThat(client.awaitClose().code()).isEqualTo(4002);
        assertThat(h.disconnects(ErrorCode.AUTH_FAILED)).isEqualTo(1);
    }

    @Test
    void aFirstFrameThatIsNotAuthIsRefused() {
        h = GatewayHarness.start();
        WsClient client = h.connect();

        client.send("{\"t\":\"ping\"}");

        client.expectError("auth_required");
        assertThat(client.awaitClose().code()).isEqualTo(4001);
    }

    @Test
    void aClientThatNeverAuthenticatesIsClosed() {
        h = GatewayHarness.start("gateway.auth-timeout", "300ms");
        WsClient client = h.connect();

        client.expectError("auth_timeout");
        assertThat(client.awaitClose().code()).isEqualTo(4003);
        eventually("the socket is gone", () -> h.gateway.connectionCount() == 0);
    }

    @Test
    void otherPathsAndPlainHttpGet404() throws Exception {
        h = GatewayHarness.start();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.gateway.port() + "/api")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
