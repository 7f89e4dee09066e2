package org.queqiao.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.queqiao.media.stun.BindingOutcome.Verdict;

class BindingResponderTest {
    private static final String LOCAL_UFRAG = "srvA";
    private static final String LOCAL_PASSWORD = "server-password-0123456789";
    private static final String REMOTE_UFRAG = "cli1";
    private final BindingResponder responder = new BindingResponder(
            Map.of(LOCAL_UFRAG, new IceCredentials(LOCAL_UFRAG, LOCAL_PASSWORD, REMOTE_UFRAG))::get);
    private final byte[] out = new byte[512];
    private final byte[] tid = "abcdefghijkl".getBytes(StandardCharsets.US_ASCII);

    private byte[] check(String username, String password, boolean useCandidate, int roleAttribute) {
        byte[] buf = new byte[512];
        var w = new StunMessageWriter(buf, 0, Stun.BINDING_REQUEST, tid)
                .username(username)
                .intAttribute(Stun.ATTR_PRIORITY, 0x6e0001ff)
                .tieBreaker(roleAttribute, 0x1234567890L);
        if (useCandidate) w.flag(Stun.ATTR_USE_CANDIDATE);
        if (password != null) w.messageIntegrity(password.getBytes(StandardCharsets.UTF_8));
        w.fingerprint();
        return java.util.Arrays.copyOf(buf, w.length());
    }

    private BindingOutcome handle(byte[] m, InetSocketAddress from) {
        return responder.handle(m, 0, m.length, from, out);
    }

    @Test
    void validCheckIsAnsweredWithItsAddressAuthenticatedByOurPassword() {
        for (var from : new InetSocketAddress[] {
                new InetSocketAddress("127.0.0.1", 40000), new InetSocketAddress("::1", 40001)}) {
            var outcome = handle(check("srvA:cli1", LOCAL_PASSWORD, true, Stun.ATTR_ICE_CONTROLLING), from);

            assertThat(outcome.verdict()).isEqualTo(Verdict.ACCEPTED);
            assertThat(outcome.localUfrag()).isEqualTo(LOCAL_UFRAG);
            assertThat(outcome.useCandidate()).isTrue();
            assertThat(outcome.iceControlling()).isTrue();
            StunMessage response = StunMessage.parse(out, 0, outcome.responseLength());
            assertThat(response.type()).isEqualTo(Stun.BINDING_SUCCESS);
            assertThat(response.transactionId()).isEqualTo(tid);
            assertThat(response.xorMappedAddress()).isEqualTo(from);
            assertThat(response.hasValidIntegrity(LOCAL_PASSWORD.getBytes(StandardCharsets.UTF_8))).isTrue();
            assertThat(response.hasValidFingerprint()).isTrue();
        }
    }

    @Test
    void checkWithoutUseCandidateIsAcceptedButNotNominating() {
        var outcome = handle(check("srvA:cli1", LOCAL_PASSWORD, false, Stun.ATTR_ICE_CONTROLLING), new InetSocketAddress("127.0.0.1", 1));
        assertThat(outcome.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(outcome.useCandidate()).isFalse();
    }

    @Test
    void wrongCredentialsGet401WithoutMessageIntegrity() {
        var from = new InetSocketAddress("127.0.0.1", 40000);
        for (byte[] m : new byte[][] {
                check("srvA:cli1", "not-the-password-at-all", true, Stun.ATTR_ICE_CONTROLLING),
                check("srvB:cli1", LOCAL_PASSWORD, true, Stun.ATTR_ICE_CONTROLLING),
                check("srvA:cli2", LOCAL_PASSWORD, true, Stun.ATTR_ICE_CONTROLLING),
                check("srvA", LOCAL_PASSWORD, true, Stun.ATTR_ICE_CONTROLLING)}) {
            var outcome = handle(m, from);
            assertThat(outcome.verdict()).isEqualTo(Verdict.UNAUTHORIZED);
            assertThat(outcome.isAuthFailure()).isTrue();
            StunMessage response = StunMessage.parse(out, 0, outcome.responseLength());
            assertThat(response.type()).isEqualTo(Stun.BINDING_ERROR);
            assertThat(response.errorCode()).isEqualTo(401);
            assertThat(response.has(Stun.ATTR_MESSAGE_INTEGRITY)).isFalse();
            assertThat(response.hasValidFingerprint()).isTrue();
        }
    }

    @Test
    void missingMessageIntegrityGets400() {
        var outcome = handle(check("srvA:cli1", null, true, Stun.ATTR_ICE_CONTROLLING), new InetSocketAddress("127.0.0.1", 1));
        assertThat(outcome.verdict()).isEqualTo(Verdict.BAD_REQUEST);
        assertThat(StunMessage.parse(out, 0, outcome.responseLength()).errorCode()).isEqualTo(400);
    }

    @Test
    void peerClaimingTheControlledRoleGets487() {
        var outcome = handle(check("srvA:cli1", LOCAL_PASSWORD, false, Stun.ATTR_ICE_CONTROLLED), new InetSocketAddress("127.0.0.1", 1));
        assertThat(outcome.verdict()).isEqualTo(Verdict.ROLE_CONFLICT);
        StunMessage response = StunMessage.parse(out, 0, outcome.responseLength());
        assertThat(response.errorCode()).isEqualTo(487);
        assertThat(response.hasValidIntegrity(LOCAL_PASSWORD.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void indicationsAndResponsesAreIgnored() {
        var w = new StunMessageWriter(out, 0, Stun.BINDING_INDICATION, tid).fingerprint();
        byte[] indication = java.util.Arrays.copyOf(out, w.length());
        assertThat(handle(indication, new InetSocketAddress("127.0.0.1", 1)).verdict()).isEqualTo(Verdict.IGNORED);
    }
}
