package org.queqiao.media.client;

import java.io.IOException;
import org.queqiao.media.sdp.MediaDescription;
import org.queqiao.media.sdp.SdpParser;
import org.queqiao.media.srtp.SrtpProfile;

/**
 * The SDP a browser writes for our two-connection model (ADR 0009), trimmed to what matters: the publish
 * offer for a microphone (mid 0, Opus with the audio level) and a camera (mid 1, VP8 with RTX), and the
 * answer to a subscribe offer (recvonly or inactive for each section). Also connects a transport against
 * the SDP the server wrote for it.
 */
public final class ClientSdp {
    /** Extension ids a publisher offers (Chromium's numbers). */
    public static final int AUDIO_LEVEL_ID = 1, MID_ID = 4;
    /** Payload types a publisher offers (Chromium's numbers). */
    public static final int OPUS_PT = 111, VP8_PT = 100, VP8_RTX_PT = 101;

    private ClientSdp() {}

    /** What Chromium offers for a microphone and a camera, with these SSRCs. */
    public static String publishOffer(WebRtcClientTransport t, int audioSsrc, int videoSsrc, int videoRtxSsrc) {
        String transport = "c=IN IP4 0.0.0.0\r\na=ice-ufrag:" + t.ufrag + "\r\na=ice-pwd:" + t.password
                + "\r\na=fingerprint:" + t.certificate().fingerprint() + "\r\na=setup:actpass\r\na=rtcp-mux\r\n";
        String video = Integer.toUnsignedString(videoSsrc), rtx = Integer.toUnsignedString(videoRtxSsrc);
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS_PT + " 0\r\n" + transport + "a=mid:0\r\n"
                + "a=extmap:" + AUDIO_LEVEL_ID + " urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                + "a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                + "a=sendonly\r\na=rtpmap:" + OPUS_PT + " opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\n"
                + "a=ssrc:" + Integer.toUnsignedString(audioSsrc) + " cname:x\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF " + VP8_PT + " " + VP8_RTX_PT + "\r\n" + transport + "a=mid:1\r\n"
                + "a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendonly\r\n"
                + "a=rtpmap:" + VP8_PT + " VP8/90000\r\na=rtcp-fb:" + VP8_PT + " nack\r\na=rtcp-fb:" + VP8_PT + " nack pli\r\n"
                + "a=rtcp-fb:" + VP8_PT + " transport-cc\r\n"
                + "a=rtpmap:" + VP8_RTX_PT + " rtx/90000\r\na=fmtp:" + VP8_RTX_PT + " apt=" + VP8_PT + "\r\n"
                + "a=ssrc-group:FID " + video + " " + rtx + "\r\n"
                + "a=ssrc:" + video + " cname:x\r\na=ssrc:" + rtx + " cname:x\r\n";
    }

    /**
     * Answers a subscribe offer as a browser would: recvonly (or inactive) for each section, our credentials, and
     * the header extensions offered (a browser keeps those it knows, which are all the server offers), so that
     * the server numbers our video for transport-wide feedback as it does a browser's.
     */
    public static String subscribeAnswer(WebRtcClientTransport t, String offerSdp) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 2 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        var offer = SdpParser.parse(offerSdp);
        if (!offer.media().isEmpty()) {
            sdp.append("a=group:BUNDLE ").append(String.join(" ", offer.media().stream().map(MediaDescription::mid).toList())).append("\r\n");
        }
        for (MediaDescription m : offer.media()) {
            sdp.append("m=").append(m.kindToken()).append(" 9 UDP/TLS/RTP/SAVPF ").append(m.formats().getFirst()).append("\r\n")
                    .append("c=IN IP4 0.0.0.0\r\na=ice-ufrag:").append(t.ufrag).append("\r\na=ice-pwd:").append(t.password)
                    .append("\r\na=fingerprint:").append(t.certificate().fingerprint()).append("\r\na=setup:active\r\na=mid:")
                    .append(m.mid()).append("\r\na=").append(m.direction().sends() ? "recvonly" : "inactive").append("\r\na=rtcp-mux\r\n");
            m.extensions().forEach((uri, id) -> sdp.append("a=extmap:").append(id).append(' ').append(uri).append("\r\n"));
        }
        return sdp.toString();
    }

    /**
     * ICE check (nominating) and DTLS handshake of one connection against the SDP the server wrote for it,
     * offering AES-GCM before AES-CM as Chromium does.
     */
    public static void connect(WebRtcClientTransport t, String serverSdp) throws IOException {
        MediaDescription server = SdpParser.parse(serverSdp).firstAccepted();
        if (t.check(server.iceUfrag(), server.icePassword(), true) == null) throw new IOException("no answer to the ICE check");
        t.handshake(server.fingerprint(), SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80);
    }
}
