package org.queqiao.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.gateway.GatewayHarness.eventually;

class HeartbeatTest {
    private GatewayHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void anIdleClientIsPingedAndStaysConnectedByAnswering() {
        h = GatewayHarness.start("gateway.heartbeat-interval", "100ms", "gateway.idle-timeout", "5s");
        WsClient client = h.connectAs(h.login(Member.random())); // the JDK client answers pings with pongs

        eventually("several pings", () -> client.pings.get() >= 5);

        assertThat(client.isOpen()).isTrue();
        assertThat(h.disconnects(ErrorCode.IDLE_TIMEOUT)).isZero();
    }

    @Test
    void aClientThatSendsNothingIsClosedAfterTheIdleTimeout() {
        h = GatewayHarness.start("gateway.heartbeat-interval", "100ms", "gateway.idle-timeout", "500ms");
        WsClient client = h.connectAs(h.login(Member.random()));
        client.pause(); // reads nothing, so it never sees a ping and never answers

        eventually("the idle timeout fires", () -> h.disconnects(ErrorCode.IDLE_TIMEOUT) == 1);
        client.unpause();

        WsClient.Closed closed = client.awaitClose();
        assertThat(closed.code()).as("%s", closed).isIn(4007, -1);
    }
}
