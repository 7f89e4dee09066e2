package org.queqiao.media.rtp;

/**
 * VP8 over RTP (RFC 7741): the payload descriptor (§4.2) and keyframe detection from the payload header
 * (§4.3). Works on the RTP payload ({@link RtpPacket#payloadOffset}, {@link RtpPacket#payloadLength}).
 *
 * <pre>
 *      |X|R|N|S|R| PID |   required
 * X:   |I|L|T|K| RSV   |   if X
 * I:   |M| PictureID   |   if I; a second byte if M (15-bit picture id)
 * L:   |   TL0PICIDX   |   if L
 * T/K: |TID|Y| KEYIDX  |   if T or K
 * then, at the start of partition 0, the VP8 payload header |Size0|H| VER |P| ...
 * </pre>
 */
public final class Vp8Payload {
    private Vp8Payload() {}

    /**
     * Length of the payload descriptor, or -1 if the payload is too short for the descriptor its own
     * flags announce (or leaves no byte of VP8 data after it).
     */
    public static int descriptorLength(byte[] buf, int off, int len) {
        if (len < 1) {
            return -1;
        }
        int length = 1;
        if ((buf[off] & 0x80) != 0) {
            if (len < 2) {
                return -1;
            }
            int extension = buf[off + 1];
            length = 2;
            if ((extension & 0x80) != 0) {
                if (len <= length) {
                    return -1;
                }
                length += (buf[off + length] & 0x80) != 0 ? 2 : 1;
            }
            if ((extension & 0x40) != 0) {
                length++;
            }
            if ((extension & 0x30) != 0) {
                length++;
            }
        }
        return length < len ? length : -1;
    }

    public static boolean isStartOfPartition(byte[] buf, int off) {
        return (buf[off] & 0x10) != 0;
    }

    public static int partitionIndex(byte[] buf, int off) {
        return buf[off] & 0x07;
    }

    /**
     * Whether this payload starts a keyframe: the first packet of partition 0 (S=1, PID=0) whose payload
     * header has P=0, the inverse key frame flag (§4.3). Malformed or truncated payloads are not
     * keyframes.
     */
    public static boolean isKeyframe(byte[] buf, int off, int len) {
        int descriptor = descriptorLength(buf, off, len);
        if (descriptor < 0 || !isStartOfPartition(buf, off) || partitionIndex(buf, off) != 0) {
            return false;
        }
        return (buf[off + descriptor] & 0x01) == 0;
    }
}
