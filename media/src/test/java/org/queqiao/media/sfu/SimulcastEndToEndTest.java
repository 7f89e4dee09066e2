package org.queqiao.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.sfu.Wire.await;
import static org.queqiao.media.sfu.Wire.awaitRtcp;
import static org.queqiao.media.sfu.Wire.awaitRtp;
import static org.queqiao.media.sfu.Wire.isRtcp;
import static org.queqiao.media.sfu.Wire.payload;
import static org.queqiao.media.sfu.Wire.pollRtp;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queqiao.media.client.TransportFeedbackReporter;
import org.queqiao.media.rtp.Nack;
import org.queqiao.media.rtp.ReceiverReport;
import org.queqiao.media.rtp.ReportBlock;
import org.queqiao.media.rtp.RtcpCompoundIterator;
import org.queqiao.media.rtp.RtcpHeader;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.Vp8Payload;
import org.queqiao.media.sdp.MediaDescription;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.sdp.SdpParser;
import org.queqiao.media.transport.MediaSocket;
import org.queqiao.media.transport.MediaSocketSettings;

/**
 * A camera sent as three simulcast layers through the router over real UDP (ADR 0009 §14): the layers' SSRCs are
 * learnt from their rids, a subscriber gets one layer under one SSRC of ours, and moves to another at its keyframe
 * when the height it shows the camera at changes or the layer it gets stops.
 */
class SimulcastEndToEndTest {
    private static final Map<String, TrackSource> MIC_AND_CAMERA = Map.of("0", TrackSource.MICROPHONE, "1", TrackSource.CAMERA);
    private static final int[] HEIGHTS = {180, 360, 720};

    private MediaSocket socket;
    private MediaRouter router;

    @BeforeEach
    void start() throws IOException { start(true); }

    private void start(boolean frameEndCopies) throws IOException {
        socket = MediaSocket.open(MediaSocketSettings.defaults().withBindAddress("127.0.0.1").withPort(0));
        router = new MediaRouter(socket, new RouterSettings("127.0.0.1", 1_500_000, Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofMillis(100), frameEndCopies), new RecordingEvents());
    }

    @AfterEach
    void stop() {
        router.close();
        socket.close();
    }

    @Test
    void aSubscriberGetsOneLayerUnderOneSsrcAndMovesAtTheNextLayersKeyframe() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob);
            Set<Integer> layerSsrcs = Set.of(alice.layerSsrc(0), alice.layerSsrc(1), alice.layerSsrc(2));
            assertThat(layerSsrcs).doesNotContain(camera.ssrc, camera.rtxSsrc);

            // Bob said nothing of sizes: he gets the largest layer, under the SSRC his offer announced
            Frames alices = new Frames(alice);
            byte[] first = alices.untilBobGets(bob, camera, 2);
            assertThat(RtpPacket.ssrc(first, 0)).isEqualTo(camera.ssrc);
            int number = RtpPacket.sequenceNumber(first, 0);
            int picture = pictureId(first);
            for (int i = 0; i < 3; i++) {
                alices.delta();
                byte[] next = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc);
                assertThat(layerOf(next)).isEqualTo(2);
                assertThat(RtpPacket.sequenceNumber(next, 0)).isEqualTo(number + 1);
                assertThat(pictureId(next)).isEqualTo(picture + 1);
                number++;
                picture++;
            }

            // his gallery shows her at 180 pixels: the router asks her for a keyframe of the lowest layer
            router.view("room", "bob", Set.of("alice"), Map.of("alice", 180));
            assertThat(awaitRtcp(alice.publish, RtcpHeader.PSFB, RtcpHeader.FMT_PLI, alice.layerSsrc(0))).isTrue();
            alices.delta(); // until that keyframe, the top layer goes on
            assertThat(layerOf(awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc))).isEqualTo(2);
            number++;
            picture++;
            alices.keyframeOf(0);
            byte[] switched = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc);
            assertThat(layerOf(switched)).isEqualTo(0);
            assertThat(Vp8Payload.keyframeHeight(payload(switched), 0, payload(switched).length)).isEqualTo(180);
            assertThat(RtpPacket.sequenceNumber(switched, 0)).as("numbers carry on across layers").isEqualTo(number + 1);
            assertThat(pictureId(switched)).as("so do picture ids").isEqualTo(picture + 1);
            alices.delta();
            byte[] after = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc);
            assertThat(layerOf(after)).as("the top layer is no longer his").isEqualTo(0);
            assertThat(RtpPacket.sequenceNumber(after, 0)).isEqualTo(number + 2);

            // he missed the keyframe: the RTX copy comes from the low layer, numbered as he knew it
            int missed = RtpPacket.sequenceNumber(switched, 0);
            byte[] nack = new byte[64];
            bob.subscribe.sendRtcpPacket(nack, Nack.write(nack, 0, 0x77, camera.ssrc, new int[] {missed}, 1, 44));
            byte[] rtx = awaitRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.rtxSsrc);
            byte[] rtxPayload = payload(rtx);
            assertThat(((rtxPayload[0] & 0xff) << 8) | (rtxPayload[1] & 0xff)).isEqualTo(missed);
            assertThat(RtpPacket.timestamp(rtx, 0)).isEqualTo(RtpPacket.timestamp(switched, 0));
            assertThat(java.util.Arrays.copyOfRange(rtxPayload, 2, rtxPayload.length)).containsExactly(payload(switched));

            // Alice hears about each of her layers in the router's receiver reports
            assertThat(reportedSsrcs(alice)).containsAll(layerSsrcs);
        }
    }

    @Test
    void aLayerThatStopsMovesItsReceiversToOneThatIsSending() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob);
            Frames alices = new Frames(alice);
            alices.untilBobGets(bob, camera, 2);

            // her uplink cannot carry the top layer any more: she sends the other two only
            alices.layers = 2;
            long stopped = System.nanoTime();
            byte[] next;
            do {
                alices.delta();
                Thread.sleep(20);
                next = pollRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc && layerOf(p) == 1, 20);
                if (next == null && System.nanoTime() - stopped > Duration.ofSeconds(2).toNanos()) alices.keyframeOf(1);
            } while (next == null && System.nanoTime() - stopped < Duration.ofSeconds(5).toNanos());
            assertThat(next).as("moved to the middle layer").isNotNull();
            assertThat(Vp8Payload.isKeyframe(payload(next), 0, payload(next).length)).isTrue();
        }
    }

    @Test
    void aDownlinkReportingLossOrOveruseGetsLowerLayersUntilItFits() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob);
            Frames alices = new Frames(alice);
            alices.padding = new int[] {200, 600, 1100}; // at 50 frames a second: ~90k, ~250k, ~450k bit/s
            alices.untilBobGets(bob, camera, 2);
            for (int i = 0; i < 60; i++) { // a second and more: the router has measured every layer and what Bob gets
                alices.delta();
                Thread.sleep(20);
            }
            alices.keyframeOf(0);
            alices.keyframeOf(1);
            alices.delta();
            assertThat(pollRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc && layerOf(p) != 2, 200))
                    .as("with no report of trouble he keeps the top layer").isNull();

            // his browser reports half the packets lost: ~450k x 0.75 leaves room for the middle layer, not the top
            // (one report: too few for the copies of frame ends, which a window of lossy reports turns on)
            byte[] rr = new byte[64];
            int at = ReceiverReport.writeHeader(rr, 0, 0x77, 1);
            ReportBlock.write(rr, at, camera.ssrc, 128, 100, 5000, 0, 0, 0);
            bob.subscribe.sendRtcpPacket(rr, ReceiverReport.length(1));
            assertThat(layerOf(alices.untilBobSees(bob, camera, 1))).isEqualTo(1);

            // then a REMB far below what he gets: overuse; down to the floor, where only the lowest layer fits
            byte[] remb = new byte[64];
            bob.subscribe.sendRtcpPacket(remb, org.queqiao.media.rtp.Remb.write(remb, 0, 0x77, 60_000, new int[] {camera.ssrc}, 1));
            assertThat(layerOf(alices.untilBobSees(bob, camera, 0))).isEqualTo(0);
        }
    }

    @Test
    void aDownlinkReportingLossGetsEachFramesLastPacketTwiceUnasked() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob);
            Frames alices = new Frames(alice);
            alices.untilBobGets(bob, camera, 2);
            alices.delta();
            assertThat(pollRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.rtxSsrc, 300)).as("no copies on a clean link").isNull();

            // his browser reports 5 % lost with its NACKs, ten times a second: enough for copies, not for a lower layer
            Map<Integer, byte[]> got = new java.util.HashMap<>();
            byte[] copy = lossyReportsUntilACopy(alices, bob, camera, got, 60);
            assertThat(copy).as("a copy within 6 s of lossy reports").isNotNull();
            byte[] rtxPayload = payload(copy);
            byte[] original = got.get((rtxPayload[0] & 0xff) << 8 | rtxPayload[1] & 0xff);
            assertThat(original).as("the copy names a packet Bob got").isNotNull();
            assertThat(java.util.Arrays.copyOfRange(rtxPayload, 2, rtxPayload.length)).isEqualTo(payload(original));
            assertThat(RtpPacket.timestamp(copy, 0)).isEqualTo(RtpPacket.timestamp(original, 0));
            await(() -> router.retransmissions().count(MediaKind.VIDEO, RetransmissionStats.Outcome.COPIED) >= 1);
            assertThat(router.retransmissions().count(MediaKind.VIDEO, RetransmissionStats.Outcome.RESENT)).as("not counted as answers").isZero();
        }
    }

    /** Bob's browser reports 5 % lost ten times a second while Alice sends frames; the first RTX copy he gets, or null. */
    private static byte[] lossyReportsUntilACopy(Frames alices, SyntheticParticipant bob, Camera camera, Map<Integer, byte[]> got, int rounds)
            throws IOException {
        for (int i = 0; i < rounds; i++) {
            byte[] rr = new byte[64]; // a new one each time: sending protects the buffer in place
            ReportBlock.write(rr, ReceiverReport.writeHeader(rr, 0, 0x77, 1), camera.ssrc, 13, 10, 5000, 0, 0, 0);
            bob.subscribe.sendRtcpPacket(rr, ReceiverReport.length(1));
            alices.delta(); // one packet per frame, each the frame's last
            for (byte[] p; (p = pollRtp(bob.subscribe, x -> true, 100)) != null; ) {
                if (RtpPacket.ssrc(p, 0) == camera.ssrc) got.put(RtpPacket.sequenceNumber(p, 0), p);
                if (RtpPacket.ssrc(p, 0) == camera.rtxSsrc) return p;
            }
        }
        return null;
    }

    @Test
    void aQueueStandingOnTheDownlinkStopsTheCopiesAndCutsTheEstimate() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob);
            Frames alices = new Frames(alice);
            alices.untilBobGets(bob, camera, 2);
            byte[] copy = lossyReportsUntilACopy(alices, bob, camera, new java.util.HashMap<>(), 60);
            assertThat(copy).as("copies, with lossy reports and transport-wide numbers").isNotNull();
            assertThat(transportNumber(copy)).as("the copy is numbered like the media").isGreaterThanOrEqualTo(0);

            // Bob's browser reports when each numbered packet arrived: first as it came, then 60 ms later than it
            // came, every packet (a queue that stands on his downlink, as on a full link)
            QueueReports reports = new QueueReports(bob);
            reports.rounds(alices, 40, 0);
            assertThat(router.adaptation().falls(AdaptationStats.Signal.QUEUE)).as("no queue yet").isZero();
            reports.rounds(alices, 40, 60_000);
            await(() -> router.adaptation().falls(AdaptationStats.Signal.QUEUE) >= 1);
            assertThat(router.adaptation().queues(AdaptationStats.QUEUE_BOUNDS_MICROS.length - 2)).as("intervals of 40-80 ms standing").isPositive();

            // the copies stopped: lossy reports no longer bring them back (the back-off)
            long copied = router.retransmissions().count(MediaKind.VIDEO, RetransmissionStats.Outcome.COPIED);
            assertThat(lossyReportsUntilACopy(alices, bob, camera, new java.util.HashMap<>(), 20)).as("2 s of lossy reports").isNull();
            assertThat(router.retransmissions().count(MediaKind.VIDEO, RetransmissionStats.Outcome.COPIED)).isEqualTo(copied);
        }
    }

    /** The transport-wide number a packet to a subscriber carries, or -1. */
    private static int transportNumber(byte[] rtp) { return TransportFeedbackReporter.numberOf(rtp, 0, rtp.length); }

    /** Bob's transport-wide feedback: every 20 ms frame he gets is reported as arriving {@code queued} µs after it came. */
    private static final class QueueReports {
        final SyntheticParticipant bob;
        final TransportFeedbackReporter reporter = new TransportFeedbackReporter();

        QueueReports(SyntheticParticipant bob) { this.bob = bob; }

        void rounds(Frames alices, int rounds, long queued) throws Exception {
            for (int i = 0; i < rounds; i++) {
                alices.delta();
                for (byte[] p; (p = pollRtp(bob.subscribe, x -> true, 20)) != null; ) {
                    reporter.onPacket(p, 0, p.length, System.nanoTime() / 1_000 + queued);
                }
                reporter.send(bob.subscribe);
            }
        }
    }

    @Test
    void withoutTheSettingALossyDownlinkGetsNoCopies() throws Exception {
        stop();
        start(false); // media.frame-end-copies=false
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob);
            Frames alices = new Frames(alice);
            alices.untilBobGets(bob, camera, 2);
            assertThat(lossyReportsUntilACopy(alices, bob, camera, new java.util.HashMap<>(), 40)).as("4 s of lossy reports").isNull();
            assertThat(router.retransmissions().count(MediaKind.VIDEO, RetransmissionStats.Outcome.COPIED)).isZero();
        }
    }

    @Test
    void aSubscriberWithoutTransportWideFeedbackGetsNoCopies() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob, answer -> answer.replaceAll("a=extmap:\\d+ " + java.util.regex.Pattern.quote(
                    org.queqiao.media.sdp.ServerCodecs.TRANSPORT_CC) + "\r\n", ""));
            Frames alices = new Frames(alice);
            byte[] first = alices.untilBobGets(bob, camera, 2);
            assertThat(transportNumber(first)).as("not numbered: his answer left the extension out").isEqualTo(-1);
            // the router could not see the queue its copies would add to on his downlink
            assertThat(lossyReportsUntilACopy(alices, bob, camera, new java.util.HashMap<>(), 40)).as("4 s of lossy reports").isNull();
        }
    }

    @Test
    void packetsNamingAnUnknownLayerOrAnotherSectionAreDropped() throws Exception {
        try (var alice = new SyntheticParticipant(socket.port(), 0); var bob = new SyntheticParticipant(socket.port(), 0x10000)) {
            Camera camera = bobReceivesAlicesLayers(alice, bob);
            byte[] keyframe = vp8(true, 1, 720);
            sendNamed(alice, 0x4444, "1", "x", keyframe); // no such rid
            sendNamed(alice, 0x4445, "0", "f", keyframe); // the microphone's section
            assertThat(pollRtp(bob.subscribe, p -> true, 300)).isNull();
            Frames alices = new Frames(alice);
            assertThat(RtpPacket.ssrc(alices.untilBobGets(bob, camera, 2), 0)).isEqualTo(camera.ssrc);
            assertThat(socket.stats().sendRefused()).isZero();
        }
    }

    /** What Bob's offer says of Alice's camera. */
    private record Camera(int ssrc, int rtxSsrc) {}

    private Camera bobReceivesAlicesLayers(SyntheticParticipant alice, SyntheticParticipant bob) throws IOException {
        return bobReceivesAlicesLayers(alice, bob, answer -> answer);
    }

    /** {@code edit}: what Bob's browser changes in its answer. */
    private Camera bobReceivesAlicesLayers(SyntheticParticipant alice, SyntheticParticipant bob,
                                           java.util.function.UnaryOperator<String> edit) throws IOException {
        String answer = router.publish("room", "alice", alice.publishSimulcastOffer(), MIC_AND_CAMERA);
        assertThat(answer).contains("a=simulcast:recv q;h;f", "a=rid:f recv");
        SyntheticParticipant.connect(alice.publish, answer);
        SubscribeOffer offer = router.subscribe("room", "bob", false);
        router.answer("room", "bob", edit.apply(bob.subscribeAnswer(offer.sdp())), offer.version());
        SyntheticParticipant.connect(bob.subscribe, offer.sdp());
        MediaDescription video = SdpParser.parse(offer.sdp()).media().stream().filter(m -> m.kind() == MediaKind.VIDEO).findFirst().orElseThrow();
        long ssrc = video.ssrcs().getFirst();
        return new Camera((int) ssrc, (int) (long) video.fidGroups().get(ssrc));
    }

    /** Alice's camera: frames on every layer she is sending, numbered per layer as a browser does. */
    private static final class Frames {
        final SyntheticParticipant alice;
        final int[] seq = {100, 2000, 30000};
        int picture = 500;
        int layers = 3;
        /** Bytes added to each layer's frames, so that the layers arrive at rates like a camera's. */
        int[] padding = {0, 0, 0};

        Frames(SyntheticParticipant alice) { this.alice = alice; }

        void keyframeOf(int layer) throws IOException { alice.sendLayer(layer, seq[layer]++, vp8(true, picture, HEIGHTS[layer], padding[layer])); }

        void delta() throws IOException {
            picture++;
            for (int l = 0; l < layers; l++) alice.sendLayer(l, seq[l]++, vp8(false, picture, HEIGHTS[l], padding[l]));
        }

        /**
         * Frames at 50 a second until a packet of {@code layer} reaches Bob, with a keyframe of it every 200 ms
         * (as Alice's browser answers the router's keyframe request), for at most 5 s.
         */
        byte[] untilBobSees(SyntheticParticipant bob, Camera camera, int layer) throws Exception {
            for (int i = 0; i < 250; i++) {
                if (i % 10 == 9) keyframeOf(layer);
                delta();
                byte[] got = pollRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc && layerOf(p) == layer, 20);
                if (got != null) return got;
            }
            throw new AssertionError("Bob was not moved to layer " + layer);
        }

        /** Keyframes on every layer until one of {@code layer} reaches Bob (his side of DTLS may finish a moment late). */
        byte[] untilBobGets(SyntheticParticipant bob, Camera camera, int layer) throws IOException {
            for (int i = 0; i < 40; i++) {
                picture++;
                for (int l = 0; l < layers; l++) keyframeOf(l);
                byte[] got = pollRtp(bob.subscribe, p -> RtpPacket.ssrc(p, 0) == camera.ssrc && layerOf(p) == layer, 100);
                if (got != null) return got;
            }
            throw new AssertionError("no keyframe of layer " + layer + " reached Bob");
        }
    }

    /**
     * A VP8 payload with a 15-bit picture id; its last byte says the layer (a keyframe also carries its size), after
     * {@code padding} zero bytes. A keyframe's payload header: frame tag with P=0, start code, width and height.
     */
    private static byte[] vp8(boolean keyframe, int pictureId, int height) {
        return vp8(keyframe, pictureId, height, 0);
    }

    private static byte[] vp8(boolean keyframe, int pictureId, int height, int padding) {
        int layer = height == 180 ? 0 : height == 360 ? 1 : 2;
        byte[] descriptor = {(byte) 0x90, (byte) 0x80, (byte) (0x80 | (pictureId >> 8 & 0x7f)), (byte) pictureId};
        int width = height * 16 / 9;
        byte[] body = keyframe
                ? new byte[] {0x00, 0x00, 0x00, (byte) 0x9d, 0x01, 0x2a, (byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8), (byte) layer}
                : new byte[] {0x01, 0x00, 0x00, 5, (byte) layer};
        // descriptor, frame header, padding, and the layer in the last byte
        byte[] out = java.util.Arrays.copyOf(descriptor, descriptor.length + body.length + padding);
        System.arraycopy(body, 0, out, descriptor.length, body.length - 1);
        out[out.length - 1] = body[body.length - 1];
        return out;
    }

    private static int layerOf(byte[] rtp) {
        byte[] p = payload(rtp);
        return p[p.length - 1];
    }

    private static int pictureId(byte[] rtp) {
        byte[] p = payload(rtp);
        return (p[2] & 0x7f) << 8 | p[3] & 0xff;
    }

    private static void sendNamed(SyntheticParticipant alice, int ssrc, String mid, String rid, byte[] payload) throws IOException {
        byte[] built = org.queqiao.media.rtp.RtpPacketBuilder.rtp().payloadType(org.queqiao.media.client.ClientSdp.VP8_PT).seq(1).timestamp(1).ssrc(ssrc)
                .oneByteExtension(org.queqiao.media.client.ClientSdp.MID_ID, mid.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .oneByteExtension(SyntheticParticipant.RID_ID, rid.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).payload(payload).build();
        alice.publish.sendRtpPacket(java.util.Arrays.copyOf(built, 1500), built.length);
    }

    /** The SSRCs the router's receiver reports to Alice cover, over a second of reports. */
    private static Set<Integer> reportedSsrcs(SyntheticParticipant alice) throws IOException {
        Set<Integer> seen = new HashSet<>();
        var it = new RtcpCompoundIterator();
        long deadline = System.currentTimeMillis() + 1000;
        while (System.currentTimeMillis() < deadline) {
            byte[] p = alice.publish.receiveMedia(200);
            if (p == null || !isRtcp(p)) continue;
            it.reset(p, 0, p.length);
            while (it.next()) {
                if (it.packetType() != RtcpHeader.RR) continue;
                for (int i = 0; i < it.countOrFormat(); i++) seen.add(ReportBlock.ssrc(p, ReceiverReport.reportBlockOffset(it.offset(), i)));
            }
        }
        return seen;
    }
}
