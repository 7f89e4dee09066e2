package org.queqiao.media.rtp;

/**
 * H.264 over RTP (RFC 6184): keyframe detection on the RTP payload. A payload starts a keyframe when it
 * is (§5.2) a single NAL unit of type 5 (IDR slice) or 7 (SPS), an STAP-A (type 24, §5.7.1) holding one,
 * or the start fragment (S=1) of an FU-A (type 28, §5.8) whose original NAL unit is one. Encoders send
 * the SPS/PPS right before the IDR, so an SPS means a keyframe follows.
 */
public final class H264Payload {
    public static final int NAL_IDR = 5;
    public static final int NAL_SPS = 7;
    public static final int NAL_STAP_A = 24;
    public static final int NAL_FU_A = 28;

    private H264Payload() {}

    public static int nalType(byte nalHeader) {
        return nalHeader & 0x1F;
    }

    /** Malformed or truncated payloads (an STAP-A unit running past the end, say) are not keyframes. */
    public static boolean isKeyframe(byte[] buf, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = nalType(buf[off]);
        return switch (type) {
            case NAL_IDR, NAL_SPS -> true;
            case NAL_STAP_A -> stapContainsKeyframe(buf, off, len);
            case NAL_FU_A -> len >= 2 && (buf[off + 1] & 0x80) != 0 && startsKeyframe(nalType(buf[off + 1]));
            default -> false;
        };
    }

    private static boolean stapContainsKeyframe(byte[] buf, int off, int len) {
        int pos = off + 1;
        int end = off + len;
        while (end - pos >= 3) {
            int size = Bytes.u16(buf, pos);
            if (size == 0 || size > end - pos - 2) {
                return false;
            }
            if (startsKeyframe(nalType(buf[pos + 2]))) {
                return true;
            }
            pos += 2 + size;
        }
        return false;
    }

    private static boolean startsKeyframe(int type) {
        return type == NAL_IDR || type == NAL_SPS;
    }
}
