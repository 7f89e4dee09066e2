package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Login;
import org.queqiao.gateway.TestTokens.Member;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.gateway.GatewayHarness.eventually;

class PushDeliveryTest {
    private GatewayHarness h;
    private GatewayHarness otherNode;

    @AfterEach
    void stop() {
        if (otherNode != null) otherNode.close();
        if (h != null) h.close();
    }

    @Test
    void pushesArriveInOrderWithConsecutiveSequenceNumbers() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        WsClient client = h.connectAs(h.login(alice));

        for (int i = 1; i <= 500; i++) h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("n", i));

        for (int i = 1; i <= 500; i++) {
            JsonNode push = client.expect("push");
            assertThat(push.path("seq").asLong()).isEqualTo(i);
            assertThat(push.path("topic").asText()).isEqualTo("chat.message");
            assertThat(push.path("data").path("n").asInt()).isEqualTo(i);
        }
        eventually("pushes are counted", () -> h.meters.get("queqiao.gateway.pushes.delivered").counter().count() == 500);
    }

    @Test
    void aMemberPushReachesEveryDeviceOfThatMemberOnly() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Member bob = Member.random();
        WsClient phone = h.connectAs(h.login(alice));
        WsClient laptop = h.connectAs(h.login(alice));
        WsClient bobsPhone = h.connectAs(h.login(bob));

        h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("text", "hi"));
        h.gateway.pushToMember(bob.orgId(), bob.memberId(), "chat.message", Map.of("text", "for bob"));

        assertThat(phone.expect("push").path("data").path("text").asText()).isEqualTo("hi");
        assertThat(laptop.expect("push").path("data").path("text").asText()).isEqualTo("hi");
        assertThat(bobsPhone.expect("push").path("data").path("text").asText()).isEqualTo("for bob");
        assertThat(bobsPhone.frames).isEmpty();
    }

    @Test
    void aMemberPushNeedsTheRightOrganisation() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        WsClient phone = h.connectAs(h.login(alice));

        h.gateway.pushToMember(Member.random().orgId(), alice.memberId(), "chat.message", Map.of("text", "wrong org"));
        h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("text", "right org"));

        assertThat(phone.expect("push").path("data").path("text").asText()).isEqualTo("right org");
    }

    @Test
    void aSessionPushReachesOnlyThatLoginSession() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Login phoneLogin = h.login(alice);
        WsClient phone = h.connectAs(phoneLogin);
        WsClient laptop = h.connectAs(h.login(alice));

        h.gateway.pushToSession(phoneLogin.sessionId(), "session.notice", Map.of("text", "only the phone"));
        h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("text", "both"));

        assertThat(phone.expect("push").path("topic").asText()).isEqualTo("session.notice");
        assertThat(phone.expect("push").path("seq").asLong()).isEqualTo(2);
        JsonNode laptopPush = laptop.expect("push");
        assertThat(laptopPush.path("topic").asText()).isEqualTo("chat.message");
        assertThat(laptopPush.path("seq").asLong()).as("sequence numbers are per connection").isEqualTo(1);
    }

    @Test
    void aPushPublishedOnOneNodeReachesClientsOnAnother() {
        h = GatewayHarness.start();
        otherNode = GatewayHarness.startOnBus(h.bus);
        Member alice = Member.random();
        Login login = otherNode.login(alice);
        WsClient client = otherNode.connectAs(login);

        h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("text", "across nodes"));

        assertThat(client.expect("push").path("data").path("text").asText()).isEqualTo("across nodes");
        assertThat(h.gateway.connectionCount()).isZero();
        assertThat(otherNode.gateway.connectionCount()).isEqualTo(1);
    }

    @Test
    void appLevelPingGetsPong() {
        h = GatewayHarness.start();
        WsClient client = h.connectAs(h.login(Member.random()));

        client.send("{\"t\":\"ping\"}");

        client.expect("pong");
    }
}
