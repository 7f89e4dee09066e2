package org.queqiao.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Login;
import org.queqiao.gateway.TestTokens.Member;
import org.queqiao.platform.bus.Topics;
import org.queqiao.platform.json.Json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.gateway.GatewayHarness.eventually;

class OffboardingTest {
    private GatewayHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void aDeactivatedMembersSocketsCloseWithinOneSecondAndOthersStayOpen() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Member bob = Member.random();
        Login alicePhoneLogin = h.login(alice);
        WsClient alicePhone = h.connect();
        String phoneResumeKey = alicePhone.ready(alicePhoneLogin.token()).path("resumeKey").asText();
        WsClient aliceLaptop = h.connectAs(h.login(alice));
        WsClient bobPhone = h.connectAs(h.login(bob));
        eventually("three connections", () -> h.gateway.connectionCount() == 3);

        long start = System.nanoTime();
        deactivate(alice);
        CompletableFuture.allOf(alicePhone.closed, aliceLaptop.closed).orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("offboarding latency").isLessThan(Duration.ofSeconds(1));
        assertThat(alicePhone.awaitClose().code()).isEqualTo(4005);
        assertThat(aliceLaptop.awaitClose().code()).isEqualTo(4005);
        alicePhone.expectError("member_deactivated");
        bobPhone.send("{\"t\":\"ping\"}");
        bobPhone.expect("pong");
        eventually("only bob is left", () -> h.gateway.connectionCount() == 1);

        WsClient resumeAttempt = h.connect();
        resumeAttempt.authResuming(alicePhoneLogin.token(), phoneResumeKey, 0);
        assertThat(resumeAttempt.expect("ready").path("resumeError").asText())
                .as("a deactivated member's session cannot be resumed").isEqualTo("resume_unavailable");
    }

    @Test
    void aMemberDeactivatedWhileTheirTokenIsBeingCheckedIsNotLeftConnected() throws Exception {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Member bob = Member.random();
        Login aliceLogin = h.login(alice);
        WsClient bobPhone = h.connectAs(h.login(bob));
        h.tokens.holdAuthentications();
        WsClient alicePhone = h.connect();
        alicePhone.auth(aliceLogin.token());
        h.tokens.awaitAuthenticationStarted();

        deactivate(alice);
        deactivate(bob); // same topic, handled in order: once bob is gone, alice's event was handled too
        assertThat(bobPhone.awaitClose().code()).isEqualTo(4005);
        h.tokens.releaseAuthentications();

        alicePhone.expectError("member_deactivated"); // instead of ready
        assertThat(alicePhone.awaitClose().code()).isEqualTo(4005);
    }

    private void deactivate(Member m) {
        h.bus.publish(Topics.MEMBER_DEACTIVATED, Json.write(Map.of("orgId", m.orgId().toString(), "memberId", m.memberId().toString())));
    }

    @Test
    void revokedSessionsCloseAndTheMembersOtherSessionsStayOpen() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Login phoneLogin = h.login(alice);
        Login laptopLogin = h.login(alice);
        WsClient phone = h.connectAs(phoneLogin);
        WsClient laptop = h.connectAs(laptopLogin);

        h.bus.publish(Topics.SESSIONS_REVOKED, Json.write(Map.of(
                "orgId", alice.orgId().toString(),
                "memberId", alice.memberId().toString(),
                "sessionIds", List.of(phoneLogin.sessionId().toString()))));

        phone.expectError("session_revoked");
        assertThat(phone.awaitClose().code()).isEqualTo(4004);
        h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("n", 1));
        assertThat(laptop.expect("push").path("seq").asLong()).isEqualTo(1);
        assertThat(laptop.isOpen()).isTrue();
    }

    @Test
    void disconnectMemberClosesWithTheGivenCode() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        WsClient phone = h.connectAs(h.login(alice));

        h.gateway.disconnectMember(alice.memberId(), "disconnected");

        phone.expectError("disconnected");
        assertThat(phone.awaitClose().code()).isEqualTo(4000);
    }

    @Test
    void disconnectSessionsClosesOnlyThoseSessions() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Login phoneLogin = h.login(alice);
        WsClient phone = h.connectAs(phoneLogin);
        WsClient laptop = h.connectAs(h.login(alice));

        h.gateway.disconnectSessions(List.of(phoneLogin.sessionId()), "session_revoked");

        assertThat(phone.awaitClose().code()).isEqualTo(4004);
        laptop.send("{\"t\":\"ping\"}");
        laptop.expect("pong");
    }
}
