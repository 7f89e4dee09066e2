package org.queqiao.media.sfu;

import java.io.IOException;
import java.util.Arrays;
import org.queqiao.media.rtp.RtpPacketBuilder;
import org.queqiao.media.sdp.MediaDescription;
import org.queqiao.media.sdp.SdpParser;
import org.queqiao.media.srtp.SrtpProfile;
import org.queqiao.media.transport.TestWebRtcClient;

/**
 * A browser in miniature for router tests: writes the offers and answers a browser would, connects each
 * of its two connections (ICE check, DTLS, SRTP) and sends and receives packets.
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

    /** What Chromium offers for a microphone and a camera (trimmed to what matters), with our numbers. */
    String publishOffer() {
        String transport = "c=IN IP4 0.0.0.0\r\na=ice-ufrag:" + publish.ufrag + "\r\na=ice-pwd:" + publish.password
                + "\r\na=fingerprint:" + TestWebRtcClient.CERTIFICATE.fingerprint() + "\r\na=setup:actpass\r\na=rtcp-mux\r\n";
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n" + transport + "a=mid:0\r\n"
                + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=sendonly\r\na=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=ssrc:" + Integer.toUnsignedString(audioSsrc()) + " cname:x\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 100 101\r\n" + transport + "a=mid:1\r\n"
                + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendonly\r\n"
                + "a=rtpmap:100 VP8/90000\r\na=rtcp-fb:100 nack\r\na=rtcp-fb:100 nack pli\r\na=rtcp-fb:100 transport-cc\r\n"
                + "a=rtpmap:101 rtx/90000\r\na=fmtp:101 apt=100\r\n"
                + "a=ssrc-group:FID " + Integer.toUnsignedString(videoSsrc()) + " " + Integer.toUnsignedString(videoRtxSsrc()) + "\r\n"
                + "a=ssrc:" + Integer.toUnsignedString(videoSsrc()) + " cname:x\r\na=ssrc:" + Integer.toUnsignedString(videoRtxSsrc()) + " cname:x\r\n";
    }

    /** Answers a subscribe offer as a browser would: recvonly (or inactive) for each section, our credentials. */
    String subscribeAnswer(String offerSdp) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 2 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        var offer = SdpParser.parse(offerSdp);
        if (!offer.media().isEmpty()) {
            sdp.append("a=group:BUNDLE ").append(String.join(" ", offer.media().stream().map(MediaDescription::mid).toList())).append("\r\n");
        }
        for (MediaDescription m : offer.media()) {
            sdp.append("m=").append(m.kindToken()).append(" 9 UDP/TLS/RTP/SAVPF ").append(m.formats().getFirst()).append("\r\n")
                    .append("c=IN IP4 0.0.0.0\r\na=ice-ufrag:").append(subscribe.ufrag).append("\r\na=ice-pwd:").append(subscribe.password)
                    .append("\r\na=fingerprint:").append(TestWebRtcClient.CERTIFICATE.fingerprint()).append("\r\na=setup:active\r\na=mid:")
                    .append(m.mid()).append("\r\na=").append(m.direction().sends() ? "recvonly" : "inactive").append("\r\na=rtcp-mux\r\n");
        }
        return sdp.toString();
    }

    /** ICE check (nominating) and DTLS handshake of one connection against the SDP the router wrote for it. */
    static void connect(TestWebRtcClient client, String serverSdp) throws IOException {
        MediaDescription server = SdpParser.parse(serverSdp).firstAccepted();
        if (client.check(server.iceUfrag(), server.icePassword(), true) == null) throw new IOException("no answer to the ICE check");
        client.handshake(server.fingerprint(), SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80);
    }

    void sendVideo(int seq, byte[] vp8Payload) throws IOException {
        byte[] built = RtpPacketBuilder.rtp().payloadType(100).seq(seq).timestamp(seq * 3000).ssrc(videoSsrc())
                .oneByteExtension(4, (byte) '1').payload(vp8Payload).build();
        publish.sendRtpPacket(Arrays.copyOf(built, 1500), built.length);
    }

    /** An Opus packet with an audio level in -dBov (0 loudest). */
    void sendAudio(int seq, int levelDbov) throws IOException {
        byte[] built = RtpPacketBuilder.rtp().payloadType(111).seq(seq).timestamp(seq * 960).ssrc(audioSsrc())
                .oneByteExtension(1, (byte) (0x80 | levelDbov)).payload(new byte[] {1, 2, 3, 4}).build();
        publish.sendRtpPacket(Arrays.copyOf(built, 1500), built.length);
    }

    @Override
    public void close() {
        publish.close();
        subscribe.close();
    }
}
