package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queqiao.gateway.TestTokens.Login;
import org.queqiao.gateway.TestTokens.Member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeTest {
    private static final int PUSHES = 1_000;
    private GatewayHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    @Test
    void aKilledSocketResumesWithExactlyTheMissedPushes() throws Exception {
        h = GatewayHarness.start("gateway.resume-buffer", "2000");
        Member alice = Member.random();
        Login login = h.login(alice);
        WsClient first = h.connect();
        String resumeKey = first.ready(login.token()).path("resumeKey").asText();

        CountDownLatch killed = new CountDownLatch(1);
        Thread pusher = Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= PUSHES; i++) {
                h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("n", i));
                if (i == PUSHES / 2) awaitQuietly(killed); // keep pushing while the socket is dead, too
            }
        });

        List<Long> received = new ArrayList<>();
        while (received.size() < 300) received.add(first.expect("push").path("seq").asLong());
        first.abort(); // mid-stream: frames in flight are lost with the socket
        killed.countDown();
        pusher.join(TimeUnit.SECONDS.toMillis(30));

        WsClient second = h.connect();
        second.authResuming(login.token(), resumeKey, received.get(received.size() - 1));
        JsonNode ready = second.expect("ready");
        assertThat(ready.path("resumed").asBoolean()).isTrue();
        assertThat(ready.path("resumeKey").asText()).isEqualTo(resumeKey);
        assertThat(ready.path("seq").asLong()).isEqualTo(received.get(received.size() - 1));
        while (received.size() < PUSHES) {
            JsonNode push = second.expect("push");
            assertThat(push.path("data").path("n").asLong()).isEqualTo(push.path("seq").asLong());
            received.add(push.path("seq").asLong());
        }

        assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(1, PUSHES).boxed().toList());
        second.send("{\"t\":\"ping\"}");
        assertThat(second.expect("pong")).as("nothing after the last push but our pong").isNotNull();
    }

    @Test
    void resumingAlsoWorksAfterAcksTrimmedTheBuffer() {
        h = GatewayHarness.start("gateway.resume-buffer", "16");
        Member alice = Member.random();
        Login login = h.login(alice);
        WsClient first = h.connect();
        String resumeKey = first.ready(login.token()).path("resumeKey").asText();
        for (int i = 1; i <= 40; i++) {
            h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("n", i));
            assertThat(first.expect("push").path("seq").asLong()).isEqualTo(i);
            first.send("{\"t\":\"ack\",\"seq\":" + i + "}");
        }
        first.abort();
        for (int i = 41; i <= 50; i++) h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("n", i));

        WsClient second = h.connect();
        second.authResuming(login.token(), resumeKey, 40);
        assertThat(second.expect("ready").path("resumed").asBoolean()).isTrue();
        for (int i = 41; i <= 50; i++) assertThat(second.expect("push").path("seq").asLong()).isEqualTo(i);
    }

    @Test
    void tooManyMissedPushesMeanResumeUnavailableNotAnError() {
        h = GatewayHarness.start("gateway.resume-buffer", "8");
        Member alice = Member.random();
        Login login = h.login(alice);
        WsClient first = h.connect();
        String resumeKey = first.ready(login.token()).path("resumeKey").asText();
        first.abort();
        for (int i = 1; i <= 20; i++) h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("n", i));

        WsClient second = h.connect();
        second.authResuming(login.token(), resumeKey, 0);
        JsonNode ready = second.expect("ready");

        assertThat(ready.path("resumed").asBoolean()).isFalse();
        assertThat(ready.path("resumeError").asText()).isEqualTo("resume_unavailable");
        assertThat(ready.path("resumeKey").asText()).isNotEqualTo(resumeKey);
        assertThat(ready.path("seq").asLong()).isZero();
        assertThat(second.isOpen()).isTrue();
    }

    @Test
    void missedPushesBeyondTheByteBoundMeanResumeUnavailableWithinItTheyAreReplayed() {
        h = GatewayHarness.start("gateway.resume-buffer-bytes", "16384"); // four pushes of ~4 KB each
        String longText = "长".repeat(2_000);
        for (int missed : new int[] {3, 10}) {
            Member bob = Member.random();
            Login login = h.login(bob);
            WsClient first = h.connect();
            String resumeKey = first.ready(login.token()).path("resumeKey").asText();
            first.abort();
            for (int i = 1; i <= missed; i++) h.gateway.pushToMember(bob.orgId(), bob.memberId(), "chat.message", Map.of("n", i, "text", longText));

            WsClient second = h.connect();
            second.authResuming(login.token(), resumeKey, 0);
            JsonNode ready = second.expect("ready");
            if (missed == 3) {
                assertThat(ready.path("resumed").asBoolean()).as("three long pushes fit").isTrue();
                for (int i = 1; i <= missed; i++) assertThat(second.expect("push").path("data").path("text").asText()).isEqualTo(longText);
            } else {
                assertThat(ready.path("resumed").asBoolean()).as("ten long pushes do not").isFalse();
                assertThat(ready.path("resumeError").asText()).isEqualTo("resume_unavailable");
                assertThat(second.isOpen()).isTrue();
            }
        }
    }

    @Test
    void anotherMembersResumeKeyIsRefused() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Member mallory = Member.random();
        Login aliceLogin = h.login(alice);
        WsClient alicesSocket = h.connect();
        String alicesKey = alicesSocket.ready(aliceLogin.token()).path("resumeKey").asText();
        h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("secret", "for alice"));
        alicesSocket.expect("push");
        alicesSocket.abort();

        WsClient mallorysSocket = h.connect();
        mallorysSocket.authResuming(h.login(mallory).token(), alicesKey, 0);
        JsonNode ready = mallorysSocket.expect("ready");

        assertThat(ready.path("resumed").asBoolean()).isFalse();
        assertThat(ready.path("resumeError").asText()).isEqualTo("resume_unavailable");
        mallorysSocket.send("{\"t\":\"ping\"}");
        assertThat(mallorysSocket.expect("pong")).as("no push of alice's was replayed").isNotNull();

        WsClient alicesNewSocket = h.connect();
        alicesNewSocket.authResuming(aliceLogin.token(), alicesKey, 0);
        assertThat(alicesNewSocket.expect("ready").path("resumed").asBoolean()).as("alice's session was left intact").isTrue();
        assertThat(alicesNewSocket.expect("push").path("data").path("secret").asText()).isEqualTo("for alice");
    }

    @Test
    void anUnknownResumeKeyIsUnavailable() {
        h = GatewayHarness.start();
        WsClient client = h.connect();
        client.authResuming(h.login(Member.random()).token(), "no-such-key", 5);

        assertThat(client.expect("ready").path("resumeError").asText()).isEqualTo("resume_unavailable");
    }

    @Test
    void resumingWhileTheOldSocketLingersReplacesIt() {
        h = GatewayHarness.start();
        Member alice = Member.random();
        Login login = h.login(alice);
        WsClient old = h.connect();
        String resumeKey = old.ready(login.token()).path("resumeKey").asText();

        WsClient fresh = h.connect();
        fresh.authResuming(login.token(), resumeKey, 0);
        assertThat(fresh.expect("ready").path("resumed").asBoolean()).isTrue();
        old.expectError("connection_replaced");
        assertThat(old.awaitClose().code()).isEqualTo(4013);

        h.gateway.pushToMember(alice.orgId(), alice.memberId(), "chat.message", Map.of("n", 1));
        assertThat(fresh.expect("push").path("seq").asLong()).isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
