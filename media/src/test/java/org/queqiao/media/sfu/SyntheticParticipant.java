package org.queqiao.media.sfu;

import java.io.IOException;
import java.util.Arrays;
import org.queqiao.media.client.ClientSdp;
import org.queqiao.media.rtp.RtpPacketBuilder;
import org.queqiao.media.transport.TestWebRtcClient;

/**
 * A browser in miniature for router tests: writes the offers and answers a browser would ({@link ClientSdp}),
 * connects each of its two connections (ICE check, DTLS, SRTP) and sends and receives packets.
 */
final class SyntheticParticipant implements AutoCloseable {
    static final int AUDIO_SSRC = 0x1111, VIDEO_SSRC = 0x2222, VIDEO_RTX_SSRC = 0x2223;
    /** Simulcast: the layers' SSRCs are these plus the layer's index, announced nowhere (as Chromium does). */
    static final int LAYER_SSRC = 0x3000, LAYER_RTX_SSRC = 0x3100;
    /** Chromium's ids for the rid and repaired rid extensions. */
    static final int RID_ID = 10, REPAIRED_RID_ID = 11;
    static final String[] RIDS = {"q", "h", "f"};

    final TestWebRtcClient publish;
    final TestWebRtcClient subscribe;
    private final int ssrcBase;

    SyntheticParticipant(int mediaPort, int ssrcBase) throws IOException {
        this.publish = new TestWebRtcClient(mediaPort);
        this.subscribe = new TestWebRtcClient(mediaPort);
        this.ssrcBase = ssrcBase;
    }

    int audioSsrc() { return ssrcBase + AUDIO_SSRC; }

    int videoSsrc() { return ssrcBase + VIDEO_SSRC; }

    int videoRtxSsrc() { return ssrcBase + VIDEO_RTX_SSRC; }

    String publishOffer() { return ClientSdp.publishOffer(publish, audioSsrc(), videoSsrc(), videoRtxSsrc()); }

    int layerSsrc(int layer) { return ssrcBase + LAYER_SSRC + layer; }

    int layerRtxSsrc(int layer) { return ssrcBase + LAYER_RTX_SSRC + layer; }

    /** The offer Chromium writes for a camera with three sendEncodings: rids instead of SSRCs for the video. */
    String publishSimulcastOffer() {
        StringBuilder sdp = new StringBuilder();
        for (String line : publishOffer().split("\r\n")) {
            if (line.startsWith("a=ssrc-group:") || line.startsWith("a=ssrc:" + Integer.toUnsignedString(videoSsrc()))
                    || line.startsWith("a=ssrc:" + Integer.toUnsignedString(videoRtxSsrc()))) continue;
            sdp.append(line).append("\r\n");
        }
        sdp.append("a=extmap:" + RID_ID + " urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n")
                .append("a=extmap:" + REPAIRED_RID_ID + " urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n");
        for (String rid : RIDS) sdp.append("a=rid:").append(rid).append(" send\r\n");
        return sdp.append("a=simulcast:send ").append(String.join(";", RIDS)).append("\r\n").toString();
    }

    /**
     * A packet of one simulcast layer, naming its mid and rid as a browser does until it hears a report: a whole
     * frame (its marker bit set), as a 180p frame often is.
     */
    void sendLayer(int layer, int seq, byte[] vp8Payload) throws IOException {
        byte[] built = RtpPacketBuilder.rtp().payloadType(ClientSdp.VP8_PT).marker(true).seq(seq).timestamp(seq * 3000 + layer * 1_000_000).ssrc(layerSsrc(layer))
                .oneByteExtension(ClientSdp.MID_ID, (byte) '1').oneByteExtension(RID_ID, RIDS[layer].getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .payload(vp8Payload).build();
        publish.sendRtpPacket(Arrays.copyOf(built, 1500), built.length);
    }

    String subscribeAnswer(String offerSdp) { return ClientSdp.subscribeAnswer(subscribe, offerSdp); }

    static void connect(TestWebRtcClient client, String serverSdp) throws IOException { ClientSdp.connect(client, serverSdp); }

    void sendVideo(int seq, byte[] vp8Payload) throws IOException {
        byte[] built = RtpPacketBuilder.rtp().payloadType(ClientSdp.VP8_PT).seq(seq).timestamp(seq * 3000).ssrc(videoSsrc())
                .oneByteExtension(ClientSdp.MID_ID, (byte) '1').payload(vp8Payload).build();
        publish.sendRtpPacket(Arrays.copyOf(built, 1500), built.length);
    }

    /** An Opus packet with an audio level in -dBov (0 loudest). */
    void sendAudio(int seq, int levelDbov) throws IOException {
        byte[] built = RtpPacketBuilder.rtp().payloadType(ClientSdp.OPUS_PT).seq(seq).timestamp(seq * 960).ssrc(audioSsrc())
                .oneByteExtension(ClientSdp.AUDIO_LEVEL_ID, (byte) (0x80 | levelDbov)).payload(new byte[] {1, 2, 3, 4}).build();
        publish.sendRtpPacket(Arrays.copyOf(built, 1500), built.length);
    }

    @Override
    public void close() {
        publish.close();
        subscribe.close();
    }
}
