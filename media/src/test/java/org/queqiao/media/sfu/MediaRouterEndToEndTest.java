package org.queqiao.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.Nack;
import org.queqiao.media.rtp.Pli;
import org.queqiao.media.rtp.ExtendedReport;
import org.queqiao.media.rtp.NtpTime;
import org.queqiao.media.rtp.RtcpCompoundIterator;
import org.queqiao.media.rtp.RtcpFeedback;
import org.queqiao.media.rtp.RtcpHeader;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.sdp.SdpException;
import org.queqiao.media.sdp.ServerCodecs;
import org.queqiao.media.transport.MediaSocket;
import org.queqiao.media.transport.MediaSocketSettings;
import org.queqiao.media.transport.TestWebRtcClient;

import static org.queqiao.media.sfu.Wire.await;
import static org.queqiao.media.sfu.Wire.awaitRtcp;
import static org.queqiao.media.sfu.Wire.awaitRtp;
import static org.queqiao.media.sfu.Wire.isRtcp;
import static org.queqiao.media.sfu.Wire.payload;
import static org.queqiao.media.sfu.Wire.pollRtp;

/** Publishers and subscribers over real UDP through the router: forwarding, feedback, renegotiation. */
class MediaRouterEndToEndTest {
    private static final byte[] KEYFRAME = {0x10, 0x00, 0x00, 0x00, (byte) 0x9d, 0x01, 0x2a, 7, 7};
    private static final byte[] DELTA = {0x10, 0x01, 0x00, 0x00, 5, 5, 5};
    private static final Map<String, TrackSource> MIC_AND_CAMERA = Map.of("0", TrackSource.MICROPHONE, "1", TrackSource.CAMERA);

    private MediaSocket socket;
    private MediaRouter router;
    private final RecordingEvents events = new RecordingEvents();

    @BeforeEach
    void start() throws IOException {
        socket = MediaSocket.open(MediaSocketSettings.defaults().withBindAddress("127.0.0.1").withPort(0));
        router = new MediaRouter(socket, new RouterSettings("127.0.0.1", 1_500_000, Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofMillis(500)), events);
    }

    @AfterEach
    void stop() {
        router.close();
        socket.close();
    }

    @Test
    void forwardsAPublishersPacketsToASubscriberAndRepairsLossBothWays() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            SubscribeOffer offer = bobReceivesAlice(alice, bob);
            assertThat(offer.tracks()).containsValues(new SubscribeOffer.Track("alice", TrackSource.MICROPHONE),
                    new SubscribeOffer.Track("alice", TrackSource.CAMERA));

            // Alice's connection, and then Bob's, each make the router ask Alice for a keyframe.
            assertThat(awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.videoSsrc())).isTrue();

            Reached first = firstToReachBob(alice, bob, true);
            byte[] got = first.packet();
            int seq = first.nextSeq();
            int received = RtpPacket.sequenceNumber(got, 0);
            assertThat(RtpPacket.payloadType(got, 0)).isEqualTo(ServerCodecs.VP8.payloadType());
            assertThat(payload(got)).containsExactly(KEYFRAME);

            // Bob says he missed it: the router answers from its cache as RTX, the original number first.
            byte[] nack = new byte[64];
            int n = Nack.write(nack, 0, 0x77, alice.videoSsrc(), new int[] {received}, 1, 44);
            bob.subscribe.sendRtcpPacket(nack, n);
            byte[] rtx = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == alice.videoRtxSsrc());
            assertThat(RtpPacket.payloadType(rtx, 0)).isEqualTo(ServerCodecs.VP8_RTX.payloadType());
            byte[] rtxPayload = payload(rtx);
            assertThat(((rtxPayload[0] & 0xff) << 8) | (rtxPayload[1] & 0xff)).isEqualTo(received);

            // Alice's uplink loses 102: the router NACKs her for it.
            alice.sendVideo(seq, DELTA);
            alice.sendVideo(seq + 2, DELTA);
            assertThat(awaitRtcp(alice.publish, RtcpHeader.RTPFB, RtcpHeader.FMT_NACK, alice.videoSsrc())).isTrue();

            // Alice echoes the router's reference time (the RRTR in its receiver reports): it learns its round trip.
            long rrtrNtp = awaitRrtr(alice.publish);
            byte[] dlrr = new byte[64];
            alice.publish.sendRtcpPacket(dlrr, ExtendedReport.writeDlrr(dlrr, 0, alice.videoSsrc(), routerSsrcOf(alice.publish),
                    NtpTime.compact(rrtrNtp), 65536 / 100)); // held 10 ms
            await(() -> router.publisherRoundTripMillis("room", "alice") >= 0);
            assertThat(router.publisherRoundTripMillis("room", "alice")).isBetween(0L, 1000L);

            // Bob sends his reference time: the router echoes it at once, as from the video stream he receives.
            byte[] rrtr = new byte[64];
            long bobsTime = NtpTime.of(System.nanoTime());
            bob.subscribe.sendRtcpPacket(rrtr, ExtendedReport.writeRrtr(rrtr, 0, 0x77, bobsTime));
            int[] echo = awaitDlrr(bob.subscribe);
            assertThat(echo).containsExactly(alice.videoSsrc(), 0x77, NtpTime.compact(bobsTime), 0);

            // Bob's PLI reaches Alice (after the rate limit).
            byte[] pli = new byte[32];
            bob.subscribe.sendRtcpPacket(pli, Pli.write(pli, 0, 0x77, alice.videoSsrc()));
            assertThat(awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.videoSsrc())).isTrue();
        }
    }

    /** Audio has no RTX: the router NACKs a lost Opus packet, and answers a subscriber's NACK with the packet as it was. */
    @Test
    void repairsAudioLossBothWaysWithoutRtx() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            SubscribeOffer offer = bobReceivesAlice(alice, bob);
            assertThat(offer.sdp()).contains("a=rtcp-fb:" + ServerCodecs.OPUS.payloadType() + " nack");
            int seq = firstToReachBob(alice, bob, false).nextSeq();

            // the next packet is lost on Bob's link: it reached his socket, but his SRTP never saw it
            int lost = seq++;
            alice.sendAudio(lost, 30);
            byte[] onTheWire = awaitRawRtp(bob.subscribe, alice.audioSsrc(), lost);
            alice.sendAudio(seq++, 30);
            awaitRtp(bob.subscribe, p -> RtpPacket.sequenceNumber(p, 0) == lost + 1);

            // Bob asks for it: it comes as it was, on the microphone's own SSRC and number, the very bytes sent
            // before (the SRTP sender protects an index twice only for the same packet), and his SRTP takes it
            byte[] nack = new byte[64];
            bob.subscribe.sendRtcpPacket(nack, Nack.write(nack, 0, 0x77, alice.audioSsrc(), new int[] {lost}, 1, 44));
            byte[] resent = awaitRawRtp(bob.subscribe, alice.audioSsrc(), lost);
            assertThat(resent).isEqualTo(onTheWire);
            int plain = bob.subscribe.receiver().unprotectRtp(resent, 0, resent.length);
            assertThat(plain).isPositive();
            byte[] again = java.util.Arrays.copyOf(resent, plain);
            assertThat(RtpPacket.payloadType(again, 0)).isEqualTo(ServerCodecs.OPUS.payloadType());
            assertThat(payload(again)).containsExactly(1, 2, 3, 4);
            await(() -> router.retransmissions().count(MediaKind.AUDIO, RetransmissionStats.Outcome.RESENT) == 1);
            assertThat(socket.stats().sendRefused()).isZero();

            // a gap in her uplink audio: the router NACKs her microphone for it
            alice.sendAudio(seq, 30);
            alice.sendAudio(seq + 2, 30);
            assertThat(awaitRtcp(alice.publish, RtcpHeader.RTPFB, RtcpHeader.FMT_NACK, alice.audioSsrc())).isTrue();
        }
    }

    /**
     * A browser muted by the host keeps sending (silence, at 50 packets a second): after eleven minutes its numbers
     * are more than half the sequence space ahead of what subscribers last got, where SRTP takes a packet for an
     * old one and refuses it. Subscribers' numbers therefore carry on from where they stopped.
     */
    @Test
    void aSpeakerUnmutedAfterALongHostMuteIsHeardAtOnce() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            bobReceivesAlice(alice, bob);
            Reached heard = firstToReachBob(alice, bob, false);
            int seq = heard.nextSeq();
            int lastHeard = RtpPacket.sequenceNumber(heard.packet(), 0);

            router.forwarding("room", "alice", false, true);
            long read = socket.stats().packetsIn();
            alice.sendAudio(seq + 20_000, 30); // muted: not forwarded
            await(() -> socket.stats().packetsIn() > read);
            router.forwarding("room", "alice", true, true);
            int resumed = seq + 40_000;
            alice.sendAudio(resumed, 30);
            alice.sendAudio(resumed + 1, 30);
            // (the muted packet may still be on its way when forwarding resumes: then it is the one that carries on)
            byte[] first = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == alice.audioSsrc());
            assertThat(RtpPacket.sequenceNumber(first, 0)).as("carries on from the last one Bob heard").isEqualTo(lastHeard + 1);
            byte[] afterResume = RtpPacket.timestamp(first, 0) == resumed * 960 ? first
                    : awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == alice.audioSsrc() && RtpPacket.timestamp(p, 0) == resumed * 960);
            byte[] last = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == alice.audioSsrc());
            assertThat(RtpPacket.sequenceNumber(last, 0)).as("and on").isEqualTo(RtpPacket.sequenceNumber(afterResume, 0) + 1);
            assertThat(payload(last)).containsExactly(1, 2, 3, 4);

            // his NACK by his own numbers finds her packet
            byte[] nack = new byte[64];
            bob.subscribe.sendRtcpPacket(nack, Nack.write(nack, 0, 0x77, alice.audioSsrc(), new int[] {lastHeard + 1}, 1, 44));
            assertThat(RtpPacket.sequenceNumber(awaitRawRtp(bob.subscribe, alice.audioSsrc(), lastHeard + 1), 0)).isEqualTo(lastHeard + 1);
            assertThat(socket.stats().sendRefused()).isZero();

            // her camera allowed again after a stop: the router asks her for a keyframe at once
            router.forwarding("room", "alice", true, false);
            // the keyframe requests Bob's arrival made are out and nothing else asks (no video flows in this test)
            while (awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.videoSsrc(), 700)) { }
            router.forwarding("room", "alice", true, true);
            assertThat(awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.videoSsrc())).isTrue();
        }
    }

    /** A gallery page shows some cameras: only those are forwarded, and one shown again picks up where it left off. */
    @Test
    void aSubscriberGetsOnlyTheCamerasItShows() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            bobReceivesAlice(alice, bob);
            Reached first = firstToReachBob(alice, bob, true); // every camera until Bob says what he shows
            int seq = first.nextSeq();
            int lastSeen = RtpPacket.sequenceNumber(first.packet(), 0);

            router.view("room", "bob", Set.of()); // Alice is on another page of his gallery
            for (int i = 0; i < 5; i++) alice.sendVideo(seq++, DELTA);
            alice.sendAudio(seq, 30);
            byte[] next = awaitRtp(bob.subscribe, p -> true);
            assertThat(RtpPacket.ssrc(next, 0)).as("her microphone still, her camera no more").isEqualTo(alice.audioSsrc());

            while (awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.videoSsrc(), 700)) { }
            router.view("room", "bob", Set.of("alice", "carol"));
            assertThat(awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.videoSsrc())).as("a keyframe for Bob").isTrue();
            alice.sendVideo(seq + 1_000, KEYFRAME);
            byte[] again = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == alice.videoSsrc());
            assertThat(RtpPacket.sequenceNumber(again, 0)).as("no gap for the packets he was not sent").isEqualTo(lastSeen + 1);
        }
    }

    @Test
    void stopsForwardingWhatTheHostMutedAndTellsWhoIsSpeaking() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            bobReceivesAlice(alice, bob);

            for (int i = 0; i < 60; i++) {
                alice.sendAudio(i, 20);
                Thread.sleep(20);
            }
            assertThat(events.speakers.poll(3, TimeUnit.SECONDS)).isEqualTo("alice");
            assertThat(awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == alice.audioSsrc())).isNotNull();

            router.forwarding("room", "alice", false, true);
            drain(bob.subscribe);
            alice.sendAudio(500, 20);
            alice.sendVideo(500, KEYFRAME);
            byte[] next = awaitRtp(bob.subscribe, p -> true);
            assertThat(RtpPacket.ssrc(next, 0)).isEqualTo(alice.videoSsrc());
        }
    }

    @Test
    void offersNewTracksToSubscribersOneRoundAtATimeAndRetiresLeavers() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000);
             var carol = new SyntheticParticipant(socket.port(), 0x20000)) {
            router.publish("room", "alice", alice.publishOffer(), MIC_AND_CAMERA);
            SubscribeOffer first = router.subscribe("room", "bob", false);
            assertThat(first.tracks()).hasSize(2);

            // Carol publishes while Bob has not answered yet: nothing is pushed until he does.
            router.publish("room", "carol", carol.publishOffer(), MIC_AND_CAMERA);
            assertThat(events.offers.poll(300, TimeUnit.MILLISECONDS)).isNull();
            router.answer("room", "bob", bob.subscribeAnswer(first.sdp()), first.version());
            SubscribeOffer second = events.offers.poll(2, TimeUnit.SECONDS);
            assertThat(second.version()).isEqualTo(first.version() + 1);
            assertThat(second.tracks().values()).extracting(SubscribeOffer.Track::participantId)
                    .containsExactlyInAnyOrder("alice", "alice", "carol", "carol");
            router.answer("room", "bob", bob.subscribeAnswer(second.sdp()), second.version());

            router.leave("room", "alice");
            SubscribeOffer third = events.offers.poll(2, TimeUnit.SECONDS);
            assertThat(third.tracks().values()).extracting(SubscribeOffer.Track::participantId).containsOnly("carol");
            assertThat(third.sdp()).contains("a=inactive");

            // A stale answer (to an offer since replaced) changes nothing.
            router.answer("room", "bob", bob.subscribeAnswer(second.sdp()), second.version());
        }
    }

    @Test
    void answersASubscribersChecksWithItsNewCredentialsBeforeItsAnswerToAnIceRestartArrives() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            router.publish("room", "alice", alice.publishOffer(), MIC_AND_CAMERA);
            SubscribeOffer offer = router.subscribe("room", "bob", false);
            router.answer("room", "bob", bob.subscribeAnswer(offer.sdp()), offer.version());
            SyntheticParticipant.connect(bob.subscribe, offer.sdp());

            // The client takes new credentials of its own for the restart, and checks before its answer arrives
            // (what libwebrtc does, LibWebRtcInteropIT).
            var restart = org.queqiao.media.sdp.SdpParser.parse(router.subscribe("room", "bob", true).sdp()).firstAccepted();
            var response = bob.subscribe.check(restart.iceUfrag(), restart.icePassword(), "restart1", true);
            assertThat(response).isNotNull();
            assertThat(response.type()).isEqualTo(org.queqiao.media.stun.Stun.BINDING_SUCCESS);
            // A wrong password is still refused.
            var forged = bob.subscribe.check(restart.iceUfrag(), "not-the-password-at-all", "restart1", true);
            assertThat(forged.type()).isEqualTo(org.queqiao.media.stun.Stun.BINDING_ERROR);
        }
    }

    @Test
    void theTimerRunsOnlyWhileThereAreRooms() throws Exception {
        assertThat(router.ticking()).as("no meeting, no wake-ups").isFalse();
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            bobReceivesAlice(alice, bob);
            assertThat(router.ticking()).isTrue();
            router.closeRoom("room");
            assertThat(router.ticking()).isFalse();
        }
        // the next meeting starts it again (the tests of loss repair show what it does then)
        try (var carol = new SyntheticParticipant(socket.port(), 0x20000); var dan = new SyntheticParticipant(socket.port(), 0x30000)) {
            bobReceivesAlice(carol, dan);
            assertThat(router.ticking()).isTrue();
        }
    }

    @Test
    void refusesOffersThatDoNotSayWhatTheyPublish() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0)) {
            assertThatThrownBy(() -> router.publish("room", "alice", alice.publishOffer(), Map.of("0", TrackSource.MICROPHONE)))
                    .isInstanceOf(SdpException.class).hasMessageContaining("source");
            assertThatThrownBy(() -> router.publish("room", "alice", alice.publishOffer(),
                    Map.of("0", TrackSource.CAMERA, "1", TrackSource.CAMERA))).hasMessageContaining("audio");
            assertThatThrownBy(() -> router.publish("room", "alice", "v=0\r\n", MIC_AND_CAMERA)).isInstanceOf(SdpException.class);
        }
    }

    /** Alice publishes her microphone and camera; Bob subscribes to her and his client connects. Returns his offer. */
    @Test
    void aGapInAPublishersStreamIsNackedAtOnceNotAtTheNextTick() throws Exception {
        stop();
        socket = MediaSocket.open(MediaSocketSettings.defaults().withBindAddress("127.0.0.1").withPort(0));
        router = new MediaRouter(socket, new RouterSettings("127.0.0.1", 1_500_000, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(500)), events); // a tick every 5 s: any NACK sooner came from the packet path
        try (var alice = new SyntheticParticipant(socket.port(), 0)) {
            SyntheticParticipant.connect(alice.publish, router.publish("room", "alice", alice.publishOffer(), MIC_AND_CAMERA));
            // the router's side of DTLS is through when it asks for her first keyframe (sent on connecting, not on a tick)
            assertThat(awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.videoSsrc())).isTrue();
            alice.sendVideo(100, KEYFRAME);
            alice.sendVideo(101, DELTA);
            Thread.sleep(50); // both in before the gap
            alice.sendVideo(103, DELTA);
            assertThat(awaitRtcp(alice.publish, RtcpHeader.RTPFB, RtcpHeader.FMT_NACK, alice.videoSsrc(), 1000)).as("a NACK within 1 s").isTrue();
        }
    }

    private SubscribeOffer bobReceivesAlice(SyntheticParticipant alice, SyntheticParticipant bob) throws IOException {
        SyntheticParticipant.connect(alice.publish, router.publish("room", "alice", alice.publishOffer(), MIC_AND_CAMERA));
        SubscribeOffer offer = router.subscribe("room", "bob", false);
        router.answer("room", "bob", bob.subscribeAnswer(offer.sdp()), offer.version());
        SyntheticParticipant.connect(bob.subscribe, offer.sdp());
        return offer;
    }

    /** The first of Alice's packets that reached Bob, and the sequence number she sends next. */
    private record Reached(byte[] packet, int nextSeq) {}

    /**
     * Bob's side of DTLS may finish a moment after his client's: Alice sends (numbers from 100: keyframes, or
     * audio) until the first packet reaches him.
     */
    private static Reached firstToReachBob(SyntheticParticipant alice, SyntheticParticipant bob, boolean video) throws IOException {
        int ssrc = video ? alice.videoSsrc() : alice.audioSsrc();
        for (int seq = 100; seq < 140; seq++) {
            if (video) alice.sendVideo(seq, KEYFRAME);
            else alice.sendAudio(seq, 30);
            byte[] got = pollRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == ssrc, 100);
            if (got != null) return new Reached(got, seq + 1);
        }
        throw new AssertionError("none of Alice's " + (video ? "video" : "audio") + " packets reached Bob");
    }

    /** The SRTP datagram of one packet as it arrives, not decrypted (its header is in the clear). */
    private static byte[] awaitRawRtp(TestWebRtcClient client, int ssrc, int sequenceNumber) throws IOException {
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            byte[] p = client.receiveRaw(3000);
            if (p == null || p.length < 12 || (p[0] & 0xc0) != 0x80 || isRtcp(p)) continue;
            if (RtpPacket.ssrc(p, 0) == ssrc && RtpPacket.sequenceNumber(p, 0) == sequenceNumber) return p;
        }
        throw new AssertionError("no SRTP packet " + sequenceNumber + " within 3 s");
    }

    /** The NTP time of the next RRTR the router sends this client; remembers the router's SSRC for {@link #routerSsrcOf}. */
    private long awaitRrtr(TestWebRtcClient client) throws IOException {
        Long[] found = {null}; // an NTP time has its top bit set until 2036: no sentinel value is safe
        awaitXr(client, (ssrc, buf, off, len) -> ExtendedReport.read(buf, off, len, new ExtendedReport.Visitor() {
            @Override public void rrtr(long ntp) { found[0] = ntp; routerSsrcs.put(client, ssrc); }
        }), () -> found[0] != null);
        return found[0];
    }

    private final java.util.Map<TestWebRtcClient, Integer> routerSsrcs = new java.util.HashMap<>();

    private int routerSsrcOf(TestWebRtcClient client) { return routerSsrcs.get(client); }

    /** The first DLRR sub-block the router sends this client: XR sender SSRC, sub-block SSRC, LRR, DLRR. */
    private static int[] awaitDlrr(TestWebRtcClient client) throws IOException {
        int[][] found = {null};
        awaitXr(client, (ssrc, buf, off, len) -> ExtendedReport.read(buf, off, len, new ExtendedReport.Visitor() {
            @Override public void dlrr(int to, int lrr, int delay) { found[0] = new int[] {ssrc, to, lrr, delay}; }
        }), () -> found[0] != null);
        return found[0];
    }

    private interface XrReader { void read(int senderSsrc, byte[] buf, int off, int len); }

    private static void awaitXr(TestWebRtcClient client, XrReader reader, java.util.function.BooleanSupplier done) throws IOException {
        long deadline = System.currentTimeMillis() + 3000;
        var it = new RtcpCompoundIterator();
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("no such extended report within 3 s");
            byte[] p = client.receiveMedia(500);
            if (p == null || !isRtcp(p)) continue;
            it.reset(p, 0, p.length);
            while (it.next()) {
                if (it.packetType() == ExtendedReport.XR) reader.read(ExtendedReport.senderSsrc(p, it.offset()), p, it.offset(), it.length());
            }
        }
    }

    private static void drain(TestWebRtcClient client) throws IOException {
        while (client.receiveMedia(100) != null) { }
    }
}
