package org.queqiao.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Member;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets an error frame; repeated abuse a close; nobody else notices either. */
class AbuseTest {
    private GatewayHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void malformedJsonGetsAnErrorAndTheConnectionStaysUsable() {
        h = GatewayHarness.start();
        WsClient client = h.connectAs(h.login(Member.random()));

        client.send("{not json");
        client.expectError("malformed_frame");
        client.send("[1,2]");
        client.expectError("malformed_frame");
        client.sendBinary(new byte[] {1, 2, 3});
        client.expectError("malformed_frame");
        client.send("{\"t\":\"ack\",\"seq\":-4}");
        client.expectError("malformed_frame");
        client.send("{\"t\":\"dance\"}");
        client.expectError("unknown_frame_type");
        client.send("{\"t\":\"auth\",\"token\":\"again\"}");
        client.expectError("already_authenticated");

        client.send("{\"t\":\"ping\"}");
        client.expect("pong");
        assertThat(h.rejected(ErrorCode.MALFORMED_FRAME)).isEqualTo(4);
    }

    @Test
    void beyondMaxConnectionsNewSocketsAreRefusedAndTheOpenOnesCarryOn() {
        h = GatewayHarness.start("gateway.max-connections", "3");
        WsClient a = h.connectAs(h.login(Member.random()));
        WsClient b = h.connectAs(h.login(Member.random()));
        WsClient c = h.connectAs(h.login(Member.random()));
        org.assertj.core.api.Assertions.assertThatThrownBy(h::connect).as("the fourth socket is closed on accept")
                .isInstanceOf(java.util.concurrent.CompletionException.class);
        a.send("{\"t\":\"ping\"}");
        a.expect("pong");
        c.close();
        GatewayHarness.eventually("a place frees up", () -> {
            try {
                h.connect().close();
                return true;
            } catch (java.util.concurrent.CompletionException e) {
                return false;
            }
        });
        b.send("{\"t\":\"ping\"}");
        b.expect("pong");
    }

    @Test
    void repeatedMalformedFramesCloseTheConnection() {
        h = GatewayHarness.start();
        WsClient client = h.connectAs(h.login(Member.random()));

        for (int i = 0; i <= ClientConnection.MAX_STRIKES; i++) client.send("garbage " + i);

        for (int i = 0; i < ClientConnection.MAX_STRIKES; i++) client.expectError("malformed_frame");
        client.expectError("malformed_frame");
        assertThat(client.awaitClose().code()).isEqualTo(4009);
        assertThat(h.disconnects(ErrorCode.MALFORMED_FRAME)).isEqualTo(1);
    }

    @Test
    void anOversizedFrameGetsAnErrorAndAHugeOneACloseWhileOthersCarryOn() {
        h = GatewayHarness.start("gateway.max-frame-bytes", "1024");
        Member bob = Member.random();
        WsClient bystander = h.connectAs(h.login(bob));
        WsClient client = h.connectAs(h.login(Member.random()));

        client.send("{\"t\":\"ping\",\"pad\":\"" + "x".repeat(2000) + "\"}");
        client.expectError("frame_too_large");
        client.send("{\"t\":\"ping\"}");
        client.expect("pong");

        client.send("{\"t\":\"ping\",\"pad\":\"" + "x".repeat(10_000) + "\"}"); // beyond 4 x max-frame-bytes
        WsClient.Closed closed = client.awaitClose();
        assertThat(closed.code()).as("%s", closed).isIn(4010, -1);

        h.gateway.pushToMember(bob.orgId(), bob.memberId(), "chat.message", Map.of("n", 1));
        assertThat(bystander.expect("push").path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void aFloodIsRateLimitedThenClosedWhileAnotherClientCarriesOn() {
        h = GatewayHarness.start("gateway.inbound-rate", "50", "gateway.inbound-burst", "100");
        Member bob = Member.random();
        WsClient bystander = h.connectAs(h.login(bob));
        WsClient flooder = h.connectAs(h.login(Member.random()));

        for (int i = 0; i < 400 && flooder.isOpen(); i++) {
            try {
                flooder.send("{\"t\":\"ping\"}");
            } catch (RuntimeException closedUnderUs) {
                break;
            }
        }

        WsClient.Closed closed = flooder.awaitClose();
        assertThat(closed.code()).isEqualTo(4008);
        assertThat(flooder.frames).anySatisfy(f -> assertThat(f.path("code").asText()).isEqualTo("rate_limited"));
        assertThat(flooder.frames.stream().filter(f -> f.path("t").asText().equals("pong")).count())
                .as("the burst was served").isGreaterThanOrEqualTo(100);
        assertThat(h.disconnects(ErrorCode.RATE_LIMITED)).isEqualTo(1);

        h.gateway.pushToMember(bob.orgId(), bob.memberId(), "chat.message", Map.of("n", 1));
        assertThat(bystander.expect("push").path("seq").asLong()).isEqualTo(1);
        bystander.send("{\"t\":\"ping\"}");
        bystander.expect("pong");
    }
}
