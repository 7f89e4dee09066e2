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
