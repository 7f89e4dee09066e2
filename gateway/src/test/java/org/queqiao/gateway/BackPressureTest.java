package org.queqiao.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Member;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.gateway.GatewayHarness.eventually;

class BackPressureTest {
    private GatewayHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWhileAFastOneKeepsReceiving() {
        h = GatewayHarness.start("gateway.max-pending-bytes", "65536", "gateway.resume-buffer", "64");
        Member team = Member.random();
        WsClient slow = h.connectAs(h.login(team));
        WsClient fast = h.connectAs(h.login(team));
        slow.pause();

        String payload = "x".repeat(4096);
        int pushes = 0;
        while (h.disconnects(ErrorCode.SLOW_CONSUMER) == 0) {
            if (pushes >= 20_000) throw new AssertionError("the slow client was never disconnected");
            h.gateway.pushToMember(team.orgId(), team.memberId(), "file.chunk", Map.of("p", payload));
            pushes++;
            assertThat(fast.expect("push").path("seq").asLong()).isEqualTo(pushes);
        }
        for (int i = 0; i < 50; i++) h.gateway.pushToMember(team.orgId(), team.memberId(), "file.chunk", Map.of("p", "after"));
        for (int i = 1; i <= 50; i++) assertThat(fast.expect("push").path("seq").asLong()).isEqualTo(pushes + i);

        slow.unpause();
        WsClient.Closed closed = slow.awaitClose();
        assertThat(closed.code()).as("%s", closed).isIn(4006, -1);
        eventually("only the fast client is left", () -> h.gateway.connectionCount() == 1);
    }
}
