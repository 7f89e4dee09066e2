package org.queqiao.gateway;

import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Member;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.queqiao.gateway.GatewayHarness.eventually;

class ShutdownTest {

    @Test
    void stopTellsEveryClientStopsAcceptingAndReleasesTheEventLoops() {
        try (GatewayHarness h = GatewayHarness.start()) {
            int port = h.gateway.port();
            List<WsClient> clients = List.of(
                    h.connectAs(h.login(Member.random())),
                    h.connectAs(h.login(Member.random())),
                    h.connectAs(h.login(Member.random())));
            WsClient unauthenticated = h.connect();

            h.gateway.stop(Duration.ofSeconds(5));

            for (WsClient c : clients) {
                c.expectError("server_shutdown");
                assertThat(c.awaitClose().code()).isEqualTo(1001);
            }
            assertThat(unauthenticated.awaitClose()).isNotNull();
            assertThat(h.gateway.connectionCount()).isZero();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 2000))
                    .isInstanceOf(IOException.class);
            eventually("the event-loop threads are gone", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("gateway-io")));
        }
    }
}
