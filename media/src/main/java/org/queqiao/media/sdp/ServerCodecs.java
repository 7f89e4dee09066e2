package org.queqiao.media.sdp;

import java.util.List;

/**
 * The codecs and header extensions of every subscriber's offer, with our payload type numbers and
 * extension ids. Publishers may number theirs differently; the router rewrites each packet once, on
 * the way in, to these numbers (ADR 0009), so every subscriber can be sent the same bytes.
 */
public final class ServerCodecs {
    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** Names the simulcast layer (RFC 8852) of a packet: with rid-based simulcast browsers announce no SSRCs. */
    public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    /** Names the layer an RTX packet repairs. */
    public static final String REPAIRED_RID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

    /**
     * The transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01), offered to
     * subscribers only: we number what we send them and read their feedback for a congestion signal of our own
     * (ADR 0009 §17). Publishers are not offered it: they would wait for feedback we do not send.
     */
    public static final String TRANSPORT_CC = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /**
     * Its id in the video sections of a subscriber's offer (one transport, one numbering). Audio is not numbered
     * (see {@code TransportSequence}): video is most of what a downlink carries, and its packets tell the queue.
     */
    public static final int TRANSPORT_CC_ID = 3;

    /** The id of the audio level in our packets. */
    public static final int AUDIO_LEVEL_ID = 1;
    /**
     * Where the publisher's mid extension is moved to: an id no subscriber negotiates, so receivers skip
     * it (their mids differ from the publisher's; they demultiplex by SSRC). The rid extensions go there
     * too: the layer names are the publisher's, and a subscriber is sent one layer, not the publisher's simulcast.
     */
    public static final int UNNEGOTIATED_ID = 14;

    /**
     * "rrtr" (RFC 3611 receiver reference times) lets a receive-only browser learn its round trip from our
     * DLRR answers and time its repeated NACKs by it instead of a fixed 100 ms; browsers do not offer it
     * themselves, so our web client adds it to its subscribe answers (see ADR 0009).
     */
    static final List<String> VIDEO_FEEDBACK = List.of("goog-remb", "ccm fir", "nack", "nack pli", "rrtr");

    /**
     * Opus with NACK (ADR 0009 §11): in-band FEC alone left ~13 % of the audio concealed at 10 % loss each
     * way. Without RTX for audio, a lost packet is sent again as it was, on its own SSRC and number, which
     * is what libwebrtc does for audio; its receiver (NetEq) asks only when the remote description lists "nack".
     */
    static final List<String> AUDIO_FEEDBACK = List.of("nack");

    public static final Codec OPUS = new Codec(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", AUDIO_FEEDBACK);
    public static final Codec VP8 = new Codec(96, "VP8", 90000, 1, null, VIDEO_FEEDBACK);
    public static final Codec VP8_RTX = new Codec(97, "rtx", 90000, 1, "apt=96", List.of());
    /** Constrained baseline, packetization mode 1: what every browser decodes. */
    public static final Codec H264 = new Codec(102, "H264", 90000, 1,
            "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f", VIDEO_FEEDBACK);
    public static final Codec H264_RTX = new Codec(103, "rtx", 90000, 1, "apt=102", List.of());

    public static final List<Codec> AUDIO = List.of(OPUS);
    public static final List<Codec> VIDEO = List.of(VP8, VP8_RTX, H264, H264_RTX);
    /** What subscribers are offered for video: the same, with transport-wide feedback asked for on the media codecs. */
    static final List<Codec> SUBSCRIBER_VIDEO = List.of(VP8.withFeedback("transport-cc"), VP8_RTX,
            H264.withFeedback("transport-cc"), H264_RTX);

    private ServerCodecs() {}

    /** The RTX payload type we pair with one of our media payload types, or -1. */
    public static int rtxOf(int payloadType) {
        if (payloadType == VP8.payloadType()) return VP8_RTX.payloadType();
        if (payloadType == H264.payloadType()) return H264_RTX.payloadType();
        return -1;
    }

    public static int clockRate(int payloadType) {
        return payloadType == OPUS.payloadType() ? 48000 : 90000;
    }
}
