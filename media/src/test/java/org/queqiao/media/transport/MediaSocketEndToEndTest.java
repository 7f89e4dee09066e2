package org.queqiao.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.queqiao.media.srtp.SrtpProfile;
import org.queqiao.media.stun.Stun;
import org.queqiao.media.stun.StunMessage;

/** A client built from real STUN, bctls DTLS and SRTP talks to a MediaSocket over UDP on 127.0.0.1. */
class MediaSocketEndToEndTest {
    private MediaSocket socket;
    private TestWebRtcClient client;

    private MediaSocket open(Duration consentTimeout) throws Exception {
        socket = MediaSocket.open(MediaSocketSettings.defaults().withBindAddress("127.0.0.1").withPort(0)
                .withConsentTimeout(consentTimeout));
        return socket;
    }

    @AfterEach
    void tearDown() {
        if (client != null) client.close();
        if (socket != null) socket.close();
    }

    /** Creates a transport, passes the check and the handshake. */
    private PeerTransport connect(RecordingHandler handler, SrtpProfile... offered) throws Exception {
        return connect(handler, handler, offered);
    }

    /** As above, with {@code events} told "connected" while {@code handler} gets the transport's calls. */
    private PeerTransport connect(RecordingHandler events, PeerTransport.Handler handler, SrtpProfile... offered) throws Exception {
        PeerTransport t = socket.createTransport(handler);
        client = new TestWebRtcClient(socket.port());
        t.setRemote(client.ufrag, client.password, TestWebRtcClient.CERTIFICATE.fingerprint());
        StunMessage answer = client.check(t.localUfrag(), t.localPassword(), true);
        assertThat(answer.type()).isEqualTo(Stun.BINDING_SUCCESS);
        assertThat(answer.xorMappedAddress()).isEqualTo(client.localAddress());
        assertThat(answer.hasValidIntegrity(t.localPassword().getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(t.state()).isIn(PeerTransport.State.CONNECTING, PeerTransport.State.CONNECTED);
        client.handshake(socket.certificate().fingerprint(), offered);
        assertThat(events.nextEvent()).isEqualTo("connected");
        assertThat(t.state()).isEqualTo(PeerTransport.State.CONNECTED);
        assertThat(t.remoteAddress()).isEqualTo(client.localAddress());
        return t;
    }

    private static byte[] rtp(int seq, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        byte[] packet = new byte[12 + p.length];
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        packet[11] = 0x42;
        System.arraycopy(p, 0, packet, 12, p.length);
        return packet;
    }

    private static String payloadOf(byte[] rtp) {
        return new String(rtp, 12, rtp.length - 12, StandardCharsets.UTF_8);
    }

    private void assertMediaFlowsBothWays(PeerTransport t, RecordingHandler handler, int seq, String tag) throws Exception {
        client.sendRtp(("up " + tag).getBytes(StandardCharsets.UTF_8));
        assertThat(payloadOf(handler.nextRtp())).isEqualTo("up " + tag);
        byte[] down = rtp(seq, "down " + tag);
        byte[] before = down.clone();
        assertThat(t.sendRtp(down, 0, down.length)).isTrue();
        assertThat(down).as("the caller's bytes stay as they were").isEqualTo(before);
        assertThat(payloadOf(client.receiveMedia(5000))).isEqualTo("down " + tag);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void clientConnectsAndExchangesSrtpAndSrtcpBothWays(SrtpProfile profile) throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = connect(handler, profile);

        assertMediaFlowsBothWays(t, handler, 1, "one");
        assertMediaFlowsBothWays(t, handler, 2, "two");

        client.sendRtcp();
        byte[] report = handler.nextRtcp();
        assertThat(report).hasSize(8);
        assertThat(report[1] & 0xff).isEqualTo(201);

        byte[] sr = {(byte) 0x80, (byte) 200, 0, 1, 0, 0, 0, 0x42};
        assertThat(t.sendRtcp(sr, 0, sr.length)).isTrue();
        assertThat(client.receiveMedia(5000)).isEqualTo(sr);

        MediaSocketStats stats = socket.stats();
        assertThat(stats.packetsIn()).isGreaterThanOrEqualTo(5);
        assertThat(stats.packetsOut()).isGreaterThanOrEqualTo(4);
        assertThat(stats.srtpAuthFailures()).isZero();
        assertThat(stats.droppedUnknownAddress()).isZero();
    }

    @Test
    void aFanOutSentByTheReaderWhileHandlingAPacketLeavesWhenTheReadPassEnds() throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler recorder = new RecordingHandler();
        int fanOut = 24;
        // Like the router: on the reader thread, inside the read, one packet in becomes many out. Those sends
        // are queued for the pass's sendmmsg; without the flush at the pass's end none would leave.
        PeerTransport.Handler echo = new PeerTransport.Handler() {
            @Override public void onConnected(PeerTransport t) { recorder.onConnected(t); }
            @Override public void onRtp(PeerTransport t, byte[] buf, int off, int len) {
                for (int i = 0; i < fanOut; i++) {
                    byte[] copy = rtp(100 + i, "copy " + i);
                    if (!t.sendRtp(copy, 0, copy.length)) recorder.events.add("send refused");
                }
            }
            @Override public void onRtcp(PeerTransport t, byte[] buf, int off, int len) { }
            @Override public void onDisconnected(PeerTransport t) { }
            @Override public void onReconnected(PeerTransport t) { }
            @Override public void onClosed(PeerTransport t) { }
        };
        connect(recorder, echo, SrtpProfile.AEAD_AES_128_GCM);

        client.sendRtp("fan me out".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < fanOut; i++) {
            byte[] got = client.receiveMedia(5000);
            assertThat(got).as("copy %d of %d", i, fanOut).isNotNull();
            assertThat(payloadOf(got)).isEqualTo("copy " + i);
        }
        assertThat(recorder.events).doesNotContain("send refused");
        assertThat(socket.stats().sendFailures()).isZero();
    }

    @Test
    void aTakenPortFailsToOpenWithAnIOExceptionAndLeavesNoThreadBehind() throws Exception {
        open(Duration.ofSeconds(30));
        long readersBefore = Thread.getAllStackTraces().keySet().stream().filter(th -> th.getName().startsWith("media-reader")).count();
        MediaSocketSettings same = MediaSocketSettings.defaults().withBindAddress("127.0.0.1").withPort(socket.port());

        assertThatThrownBy(() -> MediaSocket.open(same)).isInstanceOf(java.io.IOException.class);

        Thread.sleep(1500); // the failed socket's event loop shuts down within its 1 s grace period
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(th -> th.getName().startsWith("media-reader")).count())
                .isEqualTo(readersBefore);
    }

    @Test
    void wrongStunCredentialsAreRefusedCountedAndBindNothing() throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = connect(handler, SrtpProfile.AEAD_AES_128_GCM);

        try (TestWebRtcClient intruder = new TestWebRtcClient(socket.port())) {
            StunMessage wrongPassword = intruder.check(t.localUfrag(), "not-the-password-0123456", true);
            StunMessage unknownUfrag = intruder.check("nobody", t.localPassword(), true);

            assertThat(wrongPassword.errorCode()).isEqualTo(401);
            assertThat(unknownUfrag.errorCode()).isEqualTo(401);
            assertThat(socket.stats().stunAuthFailures()).isEqualTo(2);
            intruder.sendRaw(new byte[] {(byte) 0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9}, 14);
        }
        assertThat(t.remoteAddress()).isEqualTo(client.localAddress());
        assertMediaFlowsBothWays(t, handler, 1, "still mine");
        assertThat(socket.stats().droppedUnknownAddress()).isEqualTo(1);
    }

    @Test
    void garbageAndTruncatedPacketsAreCountedAndDoNotDisturbTheGoodClient() throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = connect(handler, SrtpProfile.AEAD_AES_128_GCM);
        long malformedBefore = socket.stats().droppedMalformed();

        client.sendRaw(new byte[] {(byte) 0xff, 1, 2, 3}, 4);                  // no protocol starts with 255
        client.sendRaw(new byte[] {0, 1, 0, 8, 0x21, 0x12}, 6);                 // truncated STUN
        client.sendRaw(new byte[] {(byte) 0x80}, 1);                            // one byte of RTP
        client.sendRaw(new byte[] {(byte) 0x80, 96, 0, 7, 0, 0, 0, 0, 0, 0}, 10); // RTP header cut short
        byte[] forged = new byte[60];
        forged[0] = (byte) 0x80;
        forged[1] = 96;
        forged[11] = 1;
        client.sendRaw(forged, forged.length);                                  // RTP that does not authenticate

        assertMediaFlowsBothWays(t, handler, 1, "after the garbage");
        MediaSocketStats stats = socket.stats();
        assertThat(stats.droppedMalformed() - malformedBefore).isEqualTo(4);
        assertThat(stats.srtpAuthFailures()).isEqualTo(1);
        assertThat(handler.rtp).isEmpty();
        assertThat(t.state()).isEqualTo(PeerTransport.State.CONNECTED);
    }

    @Test
    void iceRestartWithNewCredentialsAndNewPortKeepsMediaFlowing() throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = connect(handler, SrtpProfile.AEAD_AES_128_GCM);
        assertMediaFlowsBothWays(t, handler, 1, "before");
        String oldUfrag = t.localUfrag();
        String oldPassword = t.localPassword();
        var oldAddress = client.localAddress();

        t.restartIce(client.ufrag, client.password);
        assertThat(t.localUfrag()).isNotEqualTo(oldUfrag);
        assertThat(t.localPassword()).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(oldPassword);
        assertThat(client.check(oldUfrag, oldPassword, false).type()).as("old credentials work until the switch")
                .isEqualTo(Stun.BINDING_SUCCESS);

        client.switchPort();
        assertThat(client.check(t.localUfrag(), t.localPassword(), true).type()).isEqualTo(Stun.BINDING_SUCCESS);

        assertThat(t.remoteAddress()).isEqualTo(client.localAddress()).isNotEqualTo(oldAddress);
        assertMediaFlowsBothWays(t, handler, 2, "after");
        assertThat(client.check(oldUfrag, oldPassword, false).errorCode()).as("old credentials retired").isEqualTo(401);
        assertThat(t.state()).isEqualTo(PeerTransport.State.CONNECTED);
        assertThat(handler.events).isEmpty(); // no disconnect, no second onConnected
    }

    @Test
    void consentLossFiresOnDisconnectedAndAValidCheckBringsItBack() throws Exception {
        open(Duration.ofMillis(400));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = socket.createTransport(handler);
        client = new TestWebRtcClient(socket.port());
        t.setRemote(client.ufrag, client.password, TestWebRtcClient.CERTIFICATE.fingerprint());
        client.check(t.localUfrag(), t.localPassword(), true);
        client.handshake(socket.certificate().fingerprint(), SrtpProfile.AEAD_AES_128_GCM);

        // No checks after the first: consent runs out, maybe even before the handshake ends on a slow machine.
        assertThat(java.util.Set.of(handler.nextEvent(), handler.nextEvent())).containsExactlyInAnyOrder("connected", "disconnected");
        assertThat(t.state()).isEqualTo(PeerTransport.State.DISCONNECTED);

        client.check(t.localUfrag(), t.localPassword(), true);
        assertThat(handler.nextEvent()).isEqualTo("reconnected");
        assertThat(t.state()).isEqualTo(PeerTransport.State.CONNECTED);
        assertMediaFlowsBothWays(t, handler, 1, "back");
    }

    @Test
    void closeNotifyFromTheClientClosesTheTransport() throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = connect(handler, SrtpProfile.AEAD_AES_128_GCM);

        client.closeDtls();

        assertThat(handler.nextEvent()).isEqualTo("closed");
        assertThat(t.state()).isEqualTo(PeerTransport.State.CLOSED);
        byte[] down = rtp(1, "too late");
        assertThat(t.sendRtp(down, 0, down.length)).isFalse();
    }

    @Test
    void closingTheSocketClosesEveryTransportAndStopsTheReader() throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = connect(handler, SrtpProfile.AEAD_AES_128_GCM);
        RecordingHandler idleHandler = new RecordingHandler();
        PeerTransport idle = socket.createTransport(idleHandler);

        socket.close();

        assertThat(handler.nextEvent()).isEqualTo("closed");
        assertThat(idleHandler.nextEvent()).isEqualTo("closed");
        assertThat(t.state()).isEqualTo(PeerTransport.State.CLOSED);
        assertThat(idle.state()).isEqualTo(PeerTransport.State.CLOSED);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().equals("media-reader-" + socket.port()));
    }

    @Test
    void transportWithoutAValidCheckNeverHearsAnything() throws Exception {
        open(Duration.ofSeconds(30));
        RecordingHandler handler = new RecordingHandler();
        PeerTransport t = socket.createTransport(handler);
        client = new TestWebRtcClient(socket.port());
        t.setRemote(client.ufrag, client.password, TestWebRtcClient.CERTIFICATE.fingerprint());

        byte[] clientHelloish = new byte[40];
        clientHelloish[0] = 22;
        client.sendRaw(clientHelloish, clientHelloish.length);
        client.sendRaw(Arrays.copyOf(new byte[] {(byte) 0x80, 96}, 40), 40);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (socket.stats().droppedUnknownAddress() < 2 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(socket.stats().droppedUnknownAddress()).isEqualTo(2);
        assertThat(t.state()).isEqualTo(PeerTransport.State.NEW);
        assertThat(t.localUfrag()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(t.localPassword()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(handler.events).isEmpty();
    }
}
