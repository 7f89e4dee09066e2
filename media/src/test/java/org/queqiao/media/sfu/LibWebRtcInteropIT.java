package org.queqiao.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.RTCCertificatePEM;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.video.I420Buffer;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.transport.MediaSocket;
import org.queqiao.media.transport.MediaSocketSettings;

/**
 * Interop with a second, independent WebRTC implementation: libwebrtc, through webrtc-java's JNI
 * binding, on both ends of the SFU. Every connection is a libwebrtc peer connection: publish
 * connections offer and the router answers, subscribe connections get the router's offers and answer.
 * Media comes from synthetic sources (a sine tone, a moving bar on grey), and what arrives is checked
 * after libwebrtc decoded it: frames of the right size at a {@code VideoTrackSink} with the bar where
 * it should be, PCM at an {@code AudioTrackSink} with the sender's tone frequency, the codecs in
 * {@code getStats}.
 *
 * <ul>
 *   <li>Two participants publish and receive each other: VP8 one way, H.264 the other, Opus both ways;
 *       one uses an RSA certificate (libwebrtc's default is ECDSA); the second one's arrival and
 *       leaving renegotiate the first one's subscribe connection; lossy relays on one uplink and one
 *       downlink make the router NACK a libwebrtc publisher and answer a libwebrtc subscriber's NACKs
 *       with RTX.</li>
 *   <li>A publisher adds its screen to a running connection, then restarts ICE; a subscriber restarts
 *       ICE; video goes on each time.</li>
 * </ul>
 *
 * <p>No display and no sound device: the dummy and headless audio device modules, custom sources. If
 * the native library does not load (libpulse0 missing, say), the test fails; it never skips.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LibWebRtcInteropIT {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int BAR = 40;
    /**
     * libwebrtc gathers no loopback candidates (loopback is in its default network ignore mask): it
     * gathers on the machine's other interfaces. Its sockets there still reach 127.0.0.1 (Linux routes
     * that through lo), so the router listens and advertises on loopback and nothing is exposed.
     */
    private static final String ADDRESS = "127.0.0.1";
    /** VP8's payload type both in libwebrtc's offers and in ours. */
    private static final int VP8_PT = 96;
    private static final int OPUS_PT = 111;

    /**
     * Two factories, because libwebrtc feeds an audio device module's capture into every audio sender
     * of its factory: a headless module's (silent) capture thread and our pushing thread would then both
     * be in {@code AudioSendStream::SendAudioData}, and libwebrtc aborts the process on that race. So the
     * publish connections live in a factory whose module is the dummy layer (it never captures), and the
     * subscribe connections in one with a headless module whose playout pulls the received audio to
     * the tracks' sinks.
     */
    private static AudioDeviceModule sendingAudio;
    private static PeerConnectionFactory sending;
    private static HeadlessAudioDeviceModule receivingAudio;
    private static PeerConnectionFactory receiving;

    private MediaSocket socket;
    private MediaRouter router;
    private final Map<String, Participant> participants = new ConcurrentHashMap<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    /** Sources and relays, released after the peer connections that use them are closed. */
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void loadLibWebRtc() {
        try {
            sendingAudio = new AudioDeviceModule(AudioLayer.kDummyAudio);
            sending = new PeerConnectionFactory(sendingAudio);
            receivingAudio = new HeadlessAudioDeviceModule();
            receiving = new PeerConnectionFactory(receivingAudio);
        } catch (Throwable e) {
            throw new AssertionError("libwebrtc (webrtc-java's linux-x86_64 natives) did not load: " + e
                    + ". It needs the Debian package libpulse0 (and the X11 client libraries), which .ci/run installs.", e);
        }
        // The remote tracks' sinks are fed while the (headless) playout runs.
        receivingAudio.initPlayout();
        receivingAudio.startPlayout();
    }

    @AfterAll
    static void unloadLibWebRtc() {
        if (receivingAudio != null) receivingAudio.stopPlayout();
        if (receiving != null) receiving.dispose();
        if (receivingAudio != null) receivingAudio.dispose();
        if (sending != null) sending.dispose();
        if (sendingAudio != null) sendingAudio.dispose();
    }

    @BeforeEach
    void start() throws IOException {
        socket = MediaSocket.open(MediaSocketSettings.defaults().withBindAddress(ADDRESS).withPort(0));
        router = new MediaRouter(socket, new RouterSettings(ADDRESS, 1_500_000, Duration.ofMillis(20), Duration.ofMillis(500),
                Duration.ofMillis(500)), new Renegotiator());
    }

    @AfterEach
    void stop() {
        for (Participant p : participants.values()) p.stopMedia();
        if (router != null) router.close(); // no more renegotiations from here on
        List<AutoCloseable> all = new ArrayList<>(peers);
        Collections.reverse(toClose);
        all.addAll(toClose);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("closing: " + e);
            }
        }
        if (socket != null) socket.close();
    }

    @Test
    void libWebRtcPeersPublishAndReceiveEachOthersAudioAndVideoThroughTheRouter() throws Exception {
        // Alice (VP8, 440 Hz) publishes and subscribes while she is alone: her first offer has only a placeholder.
        Participant alice = join("alice", 440, "VP8", null);
        // Alice's uplink loses some of her VP8 packets: the router must NACK her and take her RTX.
        alice.publishRelay = relay(LossyRelay.Direction.TO_ROUTER);
        alice.publish();
        alice.subscribe();
        // Bob (H.264, 660 Hz, an RSA certificate where libwebrtc's default is ECDSA) publishes: the router
        // renegotiates Alice's subscribe connection, then Bob subscribes to Alice.
        Participant bob = join("bob", 660, "H264", rsaCertificate());
        // Bob's downlink loses some of Alice's VP8 packets: his NACKs must be answered with RTX from the cache.
        bob.subscribeRelay = relay(LossyRelay.Direction.FROM_ROUTER);
        bob.publish();
        bob.subscribe();

        for (Participant p : List.of(alice, bob)) {
            p.publish.awaitConnected();
            p.subscribe.awaitConnected();
        }
        expectMediaFrom(alice, bob);
        expectMediaFrom(bob, alice);
        // the detector reports a speaker after its loudness window and a 400 ms hold: an event to wait for, like the others here
        await("an active speaker from libwebrtc's audio levels", () -> !speakers.isEmpty());
        assertThat(fingerprint(bob.publish)).as("bob shows his RSA certificate")
                .isEqualToIgnoringCase(sha256(bob.certificate.getCertificate()));

        // Loss repair both ways, through libwebrtc's NACK and RTX.
        await("alice's lost packets repaired", () -> outbound(alice.publish, "video", "retransmittedPacketsSent") > 0);
        assertThat(alice.publishRelay.dropped()).as("alice's dropped packets").isGreaterThan(0);
        assertThat(outbound(alice.publish, "video", "nackCount")).as("NACKs the router sent alice").isGreaterThan(0);
        await("bob's lost packets repaired", () -> inboundCount(bob.subscribe, "video", "retransmittedPacketsReceived") > 0);
        assertThat(bob.subscribeRelay.dropped()).as("bob's dropped packets").isGreaterThan(0);
        assertThat(inboundCount(bob.subscribe, "video", "nackCount")).as("NACKs bob sent").isGreaterThan(0);
        // libwebrtc answers the router's RRTR with a DLRR: the router knows the round trip that times its repeated
        // NACKs. (The other way, our DLRRs to bob's RRTRs, libwebrtc takes into its NACK timing but shows in no
        // video statistic; MediaRouterEndToEndTest checks the echo itself.)
        await("the router knows its round trip to alice", () -> router.publisherRoundTripMillis("room", "alice") >= 0);
        assertThat(bob.subscribe.pc.getLocalDescription().sdp).as("bob asks for receiver reference times").contains(" rrtr");
        // Audio too, without RTX: the router NACKs alice's lost Opus packets and she resends them; bob NACKs the
        // ones his downlink lost and the router resends them from its cache (ADR 0009 §11).
        await("alice's lost audio resent", () -> outbound(alice.publish, "audio", "nackCount") > 0);
        await("bob asks for his lost audio", () -> inboundCount(bob.subscribe, "audio", "nackCount") > 0);
        await("the router resends bob's lost audio", () -> router.retransmissions().count(MediaKind.AUDIO, RetransmissionStats.Outcome.RESENT) > 0);
        // Transport-wide feedback (ADR 0009 §17): libwebrtc takes our numbers on bob's video and reports their
        // arrival; the router matches them to its send times and judges the queue on bob's downlink (none here).
        await("the router judges bob's downlink queue from his feedback", () -> queueIntervals(router.adaptation()) > 0);
        assertThat(router.adaptation().queues(0)).as("intervals with under 2 ms standing on a loopback relay")
                .isGreaterThan(queueIntervals(router.adaptation()) / 2);
        // Numbered audio would be refused here: its resends must be the bytes first sent (TransportSequence).
        assertThat(socket.stats().sendRefused()).as("packets our SRTP sender refused").isZero();
        System.out.println("audio: alice resent " + outbound(alice.publish, "audio", "retransmittedPacketsSent") + " of "
                + outbound(alice.publish, "audio", "nackCount") + " NACKs; bob inbound " + inbound(bob.subscribe, "audio"));
        System.out.println("alice->router dropped " + alice.publishRelay.dropped() + ", router->bob dropped "
                + bob.subscribeRelay.dropped() + "; bob's inbound video " + inbound(bob.subscribe, "video"));

        // Bob leaves: Alice's connection is renegotiated to inactive sections, which libwebrtc accepts.
        long before = alice.answeredVersion;
        router.leave("room", "bob");
        await("alice answers the offer without bob", () -> alice.answeredVersion > before);
        assertThat(renegotiationFailures).isEmpty();
        for (RTCRtpTransceiver t : alice.subscribe.pc.getTransceivers()) {
            assertThat(t.getCurrentDirection()).as("alice's mid %s after bob left", t.getMid())
                    .isIn(RTCRtpTransceiverDirection.INACTIVE, RTCRtpTransceiverDirection.STOPPED);
        }
        printStats(alice, bob);
    }

    @Test
    void followsAPublisherThatSharesItsScreenAndRestartsIceAndASubscriberThatRestartsIce() throws Exception {
        Participant alice = join("alice", 440, "VP8", null);
        alice.publish();
        Participant bob = join("bob", 660, "VP8", null);
        bob.subscribe();
        alice.publish.awaitConnected();
        bob.subscribe.awaitConnected();
        await("bob decodes alice's camera", () -> bob.subscribe.framesOf("camera") >= 10);

        // Alice adds her screen to the running connection: she re-offers, the router re-offers to Bob.
        alice.shareScreen();
        await("bob decodes alice's screen", () -> bob.subscribe.framesOf("screen") >= 10);

        // Alice's ICE restart (a network change): new credentials in her offer, media goes on.
        String before = alice.publish.iceUfrag();
        alice.restartPublishIce();
        await("alice's publish connection uses its new ICE credentials", () -> {
            String now = alice.publish.iceUfrag();
            return now != null && !now.equals(before);
        });
        int cameraFrames = bob.subscribe.framesOf("camera");
        await("bob's video goes on after alice's ICE restart", () -> bob.subscribe.framesOf("camera") > cameraFrames + 15);

        // Bob's ICE restart: the router offers new credentials on his subscribe connection.
        String bobBefore = bob.subscribe.iceUfrag();
        bob.answer(router.subscribe("room", "bob", true));
        await("bob's subscribe connection uses its new ICE credentials", () -> {
            String now = bob.subscribe.iceUfrag();
            return now != null && !now.equals(bobBefore);
        });
        int screenFrames = bob.subscribe.framesOf("screen");
        await("bob's video goes on after his ICE restart", () -> bob.subscribe.framesOf("screen") > screenFrames + 15);
        assertThat(renegotiationFailures).isEmpty();
    }

    /** What {@code to}'s subscribe connection must have decoded from {@code from}'s publish connection. */
    private static long queueIntervals(AdaptationStats stats) {
        long sum = 0;
        for (int i = 0; i < AdaptationStats.QUEUE_BOUNDS_MICROS.length; i++) sum += stats.queues(i);
        return sum;
    }

    private void expectMediaFrom(Participant from, Participant to) throws Exception {
        Peer in = to.subscribe;
        String who = to.id + " from " + from.id;
        await(who + ": decoded video frames", () -> in.videoFrames.get() >= 15);
        await(who + ": the tone", () -> in.loudAudioFrames.get() >= 9_600);
        assertThat(in.videoWidth.get()).as(who + ": frame width").isEqualTo(WIDTH);
        assertThat(in.videoHeight.get()).as(who + ": frame height").isEqualTo(HEIGHT);
        // The moving bar is 40 of 320 columns: the picture survived, not just the frame count.
        assertThat(in.brightColumns.get()).as(who + ": bright columns in the middle row").isBetween(25, 60);
        assertThat(in.toneHz()).as(who + ": tone frequency").isCloseTo(from.toneHz, org.assertj.core.data.Percentage.withPercentage(8));

        Map<String, Object> video = inbound(in, "video");
        assertThat(((Number) video.get("framesDecoded")).longValue()).as(who + ": framesDecoded").isGreaterThan(0);
        assertThat(codecOf(in, video)).as(who + ": video codec").isEqualToIgnoringCase("video/" + from.videoCodec);
        Map<String, Object> audio = inbound(in, "audio");
        assertThat(((Number) audio.get("packetsReceived")).longValue()).as(who + ": audio packets").isGreaterThan(0);
        assertThat(codecOf(in, audio)).as(who + ": audio codec").isEqualToIgnoringCase("audio/opus");
    }

    // --- participants -----------------------------------------------------------------------------

    private final List<String> renegotiationFailures = new CopyOnWriteArrayList<>();
    private final List<String> speakers = new CopyOnWriteArrayList<>();

    /** The router's SDP with its candidate moved to the relay's port, so the peer's packets pass through it. */
    private String via(LossyRelay relay, String sdp) {
        return relay == null ? sdp : sdp.replace(" " + socket.port() + " typ host", " " + relay.port() + " typ host");
    }

    private LossyRelay relay(LossyRelay.Direction direction) throws IOException {
        LossyRelay r = new LossyRelay(ADDRESS, socket.port(), direction, 12, VP8_PT, OPUS_PT);
        toClose.add(r);
        return r;
    }

    private Participant join(String id, int toneHz, String videoCodec, RTCCertificatePEM certificate) {
        Participant p = new Participant(id, toneHz, videoCodec, certificate);
        participants.put(id, p);
        return p;
    }

    /** One meeting participant: a publish and a subscribe connection, a tone and a moving bar. */
    private final class Participant {
        final String id;
        final int toneHz;
        final String videoCodec;
        final RTCCertificatePEM certificate;
        /** Lossy relays between this participant's connections and the router, when set. */
        LossyRelay publishRelay;
        LossyRelay subscribeRelay;
        final ScheduledExecutorService audioClock;
        final ScheduledExecutorService videoClock;
        Peer publish;
        Peer subscribe;
        CustomAudioSource audioSource;
        CustomVideoSource videoSource;
        volatile CustomVideoSource screenSource;
        volatile long answeredVersion;

        Participant(String id, int toneHz, String videoCodec, RTCCertificatePEM certificate) {
            this.id = id;
            this.toneHz = toneHz;
            this.videoCodec = videoCodec;
            this.certificate = certificate;
            // libwebrtc hands pushed audio to the senders on the pushing thread: one thread per source.
            audioClock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(id + "-mic").daemon().factory());
            videoClock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(id + "-cam").daemon().factory());
        }

        void publish() throws Exception {
            publish = peer(sending, id + "/publish", certificate);
            audioSource = new CustomAudioSource();
            toClose.add(audioSource::dispose);
            videoSource = new CustomVideoSource();
            toClose.add(videoSource::dispose);
            AudioTrack audio = sending.createAudioTrack(id + "-mic", audioSource);
            VideoTrack video = sending.createVideoTrack(id + "-cam", videoSource);
            RTCRtpTransceiverInit sendOnly = new RTCRtpTransceiverInit();
            sendOnly.direction = RTCRtpTransceiverDirection.SEND_ONLY;
            sendOnly.streamIds = List.of(id);
            publish.pc.addTransceiver(audio, sendOnly);
            RTCRtpTransceiver camera = publish.pc.addTransceiver(video, sendOnly);
            // Offer only the codec under test (the router picks VP8 whenever it is offered).
            camera.setCodecPreferences(only(videoCodec));
            offerPublish();
            startMedia();
        }

        /** A second video track, the screen, added to the running publish connection. */
        void shareScreen() throws Exception {
            screenSource = new CustomVideoSource();
            toClose.add(screenSource::dispose);
            RTCRtpTransceiverInit sendOnly = new RTCRtpTransceiverInit();
            sendOnly.direction = RTCRtpTransceiverDirection.SEND_ONLY;
            sendOnly.streamIds = List.of(id);
            publish.pc.addTransceiver(sending.createVideoTrack(id + "-screen", screenSource), sendOnly).setCodecPreferences(only(videoCodec));
            offerPublish();
        }

        void restartPublishIce() throws Exception {
            publish.pc.restartIce();
            offerPublish();
        }

        /** libwebrtc offers, the router answers: the first time and at every renegotiation. */
        private void offerPublish() throws Exception {
            RTCSessionDescription offer = publish.createOffer();
            publish.setLocal(offer);
            Map<String, TrackSource> sources = new HashMap<>();
            for (RTCRtpTransceiver t : publish.pc.getTransceivers()) {
                String track = t.getSender().getTrack().getId();
                sources.put(t.getMid(), track.endsWith("-mic") ? TrackSource.MICROPHONE
                        : track.endsWith("-screen") ? TrackSource.SCREEN : TrackSource.CAMERA);
            }
            log(id + " publish offer", offer.sdp);
            String answer = via(publishRelay, router.publish("room", id, offer.sdp, sources));
            log(id + " publish answer", answer);
            publish.setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, answer));
        }

        private List<RTCRtpCodecCapability> only(String codec) {
            List<RTCRtpCodecCapability> codecs = new ArrayList<>();
            for (RTCRtpCodecCapability c : sending.getRtpSenderCapabilities(MediaType.VIDEO).getCodecs()) {
                if (c.getName().equalsIgnoreCase(codec) || c.getName().equalsIgnoreCase("rtx")) codecs.add(c);
            }
            return codecs;
        }

        void subscribe() throws Exception {
            subscribe = peer(receiving, id + "/subscribe", certificate);
            answer(router.subscribe("room", id, false));
        }

        synchronized void answer(SubscribeOffer offer) throws Exception {
            log(id + " subscribe offer v" + offer.version(), offer.sdp());
            subscribe.setRemote(new RTCSessionDescription(RTCSdpType.OFFER, via(subscribeRelay, offer.sdp())));
            // as the web client does (mediaSession.ts, withReceiverRtt): ask for receiver reference times
            RTCSessionDescription created = subscribe.createAnswer();
            RTCSessionDescription answer = new RTCSessionDescription(created.sdpType, withRrtr(created.sdp));
            subscribe.setLocal(answer);
            log(id + " subscribe answer v" + offer.version(), answer.sdp);
            router.answer("room", id, answer.sdp, offer.version());
            answeredVersion = offer.version();
        }

        private void startMedia() {
            AtomicLong sample = new AtomicLong();
            byte[] pcm = new byte[480 * 2];
            audioClock.scheduleAtFixedRate(() -> {
                long n = sample.getAndAdd(480);
                for (int i = 0; i < 480; i++) {
                    short s = (short) (8000 * Math.sin(2 * Math.PI * toneHz * (n + i) / 48000.0));
                    pcm[2 * i] = (byte) s; // little-endian: the platform's order, which libwebrtc reads
                    pcm[2 * i + 1] = (byte) (s >> 8);
                }
                audioSource.pushAudio(pcm, 16, 48000, 1, 480);
            }, 0, 10, TimeUnit.MILLISECONDS);
            AtomicInteger frame = new AtomicInteger();
            byte[] row = new byte[WIDTH];
            byte[] chroma = new byte[WIDTH / 2];
            Arrays.fill(chroma, (byte) 128);
            videoClock.scheduleAtFixedRate(() -> {
                NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
                int bar = (8 * frame.getAndIncrement()) % WIDTH;
                ByteBuffer y = buffer.getDataY();
                for (int line = 0; line < HEIGHT; line++) {
                    Arrays.fill(row, (byte) (16 + line / 4));
                    for (int x = bar; x < bar + BAR; x++) row[x % WIDTH] = (byte) 235;
                    y.put(line * buffer.getStrideY(), row);
                }
                ByteBuffer u = buffer.getDataU();
                ByteBuffer v = buffer.getDataV();
                for (int line = 0; line < HEIGHT / 2; line++) {
                    u.put(line * buffer.getStrideU(), chroma);
                    v.put(line * buffer.getStrideV(), chroma);
                }
                VideoFrame vf = new VideoFrame(buffer, System.nanoTime());
                videoSource.pushFrame(vf);
                CustomVideoSource screen = screenSource;
                if (screen != null) screen.pushFrame(vf);
                vf.release();
            }, 0, 33, TimeUnit.MILLISECONDS);
        }

        void stopMedia() {
            audioClock.shutdownNow();
            videoClock.shutdownNow();
            try {
                audioClock.awaitTermination(2, TimeUnit.SECONDS);
                videoClock.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Forwards the router's renegotiation offers to the subscriber's libwebrtc connection. */
    private final class Renegotiator implements MediaEvents {
        @Override public void activeSpeaker(String roomId, String participantId) { speakers.add(participantId); }
        @Override public void connectionLost(String roomId, String participantId) { System.out.println("lost " + participantId); }
        @Override public void connectionRestored(String roomId, String participantId) { }

        @Override
        public void subscriberOffer(String roomId, String participantId, SubscribeOffer offer) {
            try {
                participants.get(participantId).answer(offer);
            } catch (Exception | AssertionError e) {
                renegotiationFailures.add(participantId + " v" + offer.version() + ": " + e);
            }
        }
    }

    // --- one libwebrtc peer connection --------------------------------------------------------------

    private Peer peer(PeerConnectionFactory factory, String name, RTCCertificatePEM certificate) {
        Peer p = new Peer(name);
        RTCConfiguration config = new RTCConfiguration();
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        config.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        if (certificate != null) config.certificates = List.of(certificate);
        p.pc = factory.createPeerConnection(config, p);
        peers.add(p);
        return p;
    }

    private static final class Peer implements PeerConnectionObserver, AutoCloseable {
        final String name;
        RTCPeerConnection pc;
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final AtomicInteger videoFrames = new AtomicInteger();
        /** Decoded frames by remote track id (the router names them {@code camera-<ssrc>}, {@code screen-<ssrc>}). */
        final Map<String, AtomicInteger> framesByTrack = new ConcurrentHashMap<>();
        final AtomicInteger videoWidth = new AtomicInteger();
        final AtomicInteger videoHeight = new AtomicInteger();
        final AtomicInteger brightColumns = new AtomicInteger(-1);
        final AtomicLong loudAudioFrames = new AtomicLong();
        /** Sign changes of the first channel over the loud audio frames: twice the tone's frequency. */
        final AtomicLong zeroCrossings = new AtomicLong();
        volatile int audioRate;
        final List<MediaStreamTrack> remoteTracks = new CopyOnWriteArrayList<>();
        final List<String> candidates = new CopyOnWriteArrayList<>();

        Peer(String name) { this.name = name; }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) { candidates.add(candidate.sdp); }

        @Override
        public void onIceConnectionChange(dev.onvoid.webrtc.RTCIceConnectionState state) {
            System.out.println(System.nanoTime() / 1_000_000 + " " + name + " ICE " + state);
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            System.out.println(System.nanoTime() / 1_000_000 + " " + name + " " + state);
            if (state == RTCPeerConnectionState.CONNECTED) connected.complete(null);
            if (state == RTCPeerConnectionState.FAILED) connected.completeExceptionally(new AssertionError(name + " failed"));
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            MediaStreamTrack track = transceiver.getReceiver().getTrack();
            remoteTracks.add(track);
            if (track instanceof VideoTrack video) {
                AtomicInteger ofThisTrack = framesByTrack.computeIfAbsent(video.getId(), k -> new AtomicInteger());
                video.addSink(frame -> {
                    ofThisTrack.incrementAndGet();
                    int n = videoFrames.incrementAndGet();
                    videoWidth.set(frame.buffer.getWidth());
                    videoHeight.set(frame.buffer.getHeight());
                    if (n % 5 == 0) brightColumns.set(brightColumns(frame.buffer.toI420()));
                });
            } else if (track instanceof AudioTrack audio) {
                audio.addSink((data, bitsPerSample, sampleRate, channels, frames) -> {
                    if (bitsPerSample != 16 || frames <= 0 || data.length < frames * channels * 2) return;
                    long sumSquares = 0;
                    int crossings = 0;
                    int previous = 0;
                    for (int i = 0; i < frames; i++) {
                        int at = 2 * i * channels;
                        int sample = (short) ((data[at] & 0xff) | (data[at + 1] << 8));
                        sumSquares += (long) sample * sample;
                        if (i > 0 && (sample >= 0) != (previous >= 0)) crossings++;
                        previous = sample;
                    }
                    if (Math.sqrt((double) sumSquares / frames) > 1000) {
                        audioRate = sampleRate;
                        loudAudioFrames.addAndGet(frames);
                        zeroCrossings.addAndGet(crossings);
                    }
                });
            }
        }

        int framesOf(String source) {
            int n = 0;
            for (var e : framesByTrack.entrySet()) if (e.getKey().startsWith(source + "-")) n += e.getValue().get();
            return n;
        }

        String iceUfrag() throws Exception {
            for (RTCStats s : stats(this).getStats().values()) {
                if (s.getType() == RTCStatsType.TRANSPORT && "connected".equals(s.getAttributes().get("iceState"))) {
                    return (String) s.getAttributes().get("iceLocalUsernameFragment");
                }
            }
            return null;
        }

        double toneHz() {
            return zeroCrossings.get() / 2.0 * audioRate / Math.max(1, loudAudioFrames.get());
        }

        private static int brightColumns(I420Buffer picture) {
            ByteBuffer y = picture.getDataY();
            int middle = picture.getHeight() / 2 * picture.getStrideY();
            int bright = 0;
            for (int x = 0; x < picture.getWidth(); x++) if ((y.get(middle + x) & 0xff) > 150) bright++;
            return bright;
        }

        void awaitConnected() throws Exception {
            try {
                connected.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(name + " did not connect within " + STEP + " (state " + pc.getConnectionState()
                        + ", ICE " + pc.getIceConnectionState() + "; libwebrtc gathered " + candidates + ")");
            }
        }

        RTCSessionDescription createOffer() throws Exception {
            var f = new DescriptionFuture();
            pc.createOffer(new RTCOfferOptions(), f);
            return f.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        }

        RTCSessionDescription createAnswer() throws Exception {
            var f = new DescriptionFuture();
            pc.createAnswer(new RTCAnswerOptions(), f);
            return f.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        }

        void setLocal(RTCSessionDescription d) throws Exception {
            var f = new SetFuture(name + " setLocalDescription");
            pc.setLocalDescription(d, f);
            f.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        }

        void setRemote(RTCSessionDescription d) throws Exception {
            var f = new SetFuture(name + " setRemoteDescription");
            pc.setRemoteDescription(d, f);
            f.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            pc.close();
        }
    }

    private static final class DescriptionFuture extends CompletableFuture<RTCSessionDescription> implements CreateSessionDescriptionObserver {
        @Override public void onSuccess(RTCSessionDescription d) { complete(d); }
        @Override public void onFailure(String error) { completeExceptionally(new AssertionError("libwebrtc: " + error)); }
    }

    private static final class SetFuture extends CompletableFuture<Void> implements SetSessionDescriptionObserver {
        private final String what;
        SetFuture(String what) { this.what = what; }
        @Override public void onSuccess() { complete(null); }
        @Override public void onFailure(String error) { completeExceptionally(new AssertionError(what + " refused: " + error)); }
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static RTCStatsReport stats(Peer peer) throws Exception {
        CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
        peer.pc.getStats(f::complete);
        return f.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Map<String, Object> inbound(Peer peer, String kind) throws Exception {
        for (RTCStats s : stats(peer).getStats().values()) {
            if (s.getType() == RTCStatsType.INBOUND_RTP && kind.equals(s.getAttributes().get("kind"))) return s.getAttributes();
        }
        throw new AssertionError(peer.name + " has no inbound " + kind + " stream");
    }

    private static long inboundCount(Peer peer, String kind, String counter) throws Exception {
        Object value = inbound(peer, kind).get(counter);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static long outbound(Peer peer, String kind, String counter) throws Exception {
        for (RTCStats s : stats(peer).getStats().values()) {
            if (s.getType() == RTCStatsType.OUTBOUND_RTP && kind.equals(s.getAttributes().get("kind"))) {
                Object value = s.getAttributes().get(counter);
                return value == null ? 0 : ((Number) value).longValue();
            }
        }
        throw new AssertionError(peer.name + " has no outbound " + kind + " stream");
    }

    /** Adds {@code a=rtcp-fb:<pt> rrtr} after each video payload type's {@code nack} feedback line. */
    static String withRrtr(String sdp) {
        StringBuilder out = new StringBuilder();
        for (String line : sdp.split("\r\n")) {
            out.append(line).append("\r\n");
            if (line.startsWith("a=rtcp-fb:") && line.endsWith(" nack") && !sdp.contains(line.substring(0, line.length() - 4) + "rrtr")) {
                out.append(line, 0, line.length() - 4).append("rrtr\r\n");
            }
        }
        return out.toString();
    }

    private static String fingerprint(Peer peer) {
        for (String line : peer.pc.getLocalDescription().sdp.split("\r\n")) {
            if (line.startsWith("a=fingerprint:sha-256 ")) return line.substring("a=fingerprint:sha-256 ".length());
        }
        return null;
    }

    private static String sha256(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64));
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static String codecOf(Peer peer, Map<String, Object> inbound) throws Exception {
        RTCStats codec = stats(peer).getStats().get((String) inbound.get("codecId"));
        return codec == null ? null : (String) codec.getAttributes().get("mimeType");
    }

    private interface Condition { boolean holds() throws Exception; }

    private static void await(String what, Condition condition) throws Exception {
        long start = System.nanoTime();
        long deadline = start + STEP.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + STEP + ": " + what);
            Thread.sleep(50);
        }
        System.out.printf("%s: %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
    }

    private static void printStats(Participant... ps) throws Exception {
        for (Participant p : ps) {
            for (Peer peer : List.of(p.publish, p.subscribe)) {
                for (RTCStats s : stats(peer).getStats().values()) {
                    switch (s.getType()) {
                        case TRANSPORT, INBOUND_RTP, OUTBOUND_RTP, REMOTE_INBOUND_RTP -> System.out.println(peer.name + " " + s);
                        default -> { }
                    }
                }
            }
        }
    }

    /** A self-signed RSA-2048 certificate, as some WebRTC stacks use, for libwebrtc to show instead of its ECDSA one. */
    private static RTCCertificatePEM rsaCertificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=libwebrtc-rsa");
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(30));
        byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(expires), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())).getEncoded();
        return new RTCCertificatePEM(pem("PRIVATE KEY", keys.getPrivate().getEncoded()), pem("CERTIFICATE", der), expires.toEpochMilli());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void log(String what, String sdp) {
        System.out.println("---- " + what + "\n" + sdp);
    }
}
