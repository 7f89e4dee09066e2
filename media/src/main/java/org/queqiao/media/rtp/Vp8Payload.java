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

    /**
     * Where the picture id starts, relative to {@code off}, or -1 when the descriptor has none (or is
     * truncated). Its first byte's top bit (M) says 15 bits ({@link #hasLongPictureId}) rather than 7.
     */
    public static int pictureIdOffset(byte[] buf, int off, int len) {
        if (descriptorLength(buf, off, len) < 0 || (buf[off] & 0x80) == 0 || (buf[off + 1] & 0x80) == 0) return -1;
        return 2;
    }

    public static boolean hasLongPictureId(byte[] buf, int pictureIdAt) {
        return (buf[pictureIdAt] & 0x80) != 0;
    }

    /** The picture id at {@code pictureIdAt} (absolute), 7 or 15 bits. */
    public static int pictureId(byte[] buf, int pictureIdAt) {
        return hasLongPictureId(buf, pictureIdAt) ? (buf[pictureIdAt] & 0x7F) << 8 | buf[pictureIdAt + 1] & 0xFF : buf[pictureIdAt] & 0x7F;
    }

    /** Writes a picture id in the width the descriptor already has (the value is taken modulo it). */
    public static void setPictureId(byte[] buf, int pictureIdAt, int pictureId) {
        if (hasLongPictureId(buf, pictureIdAt)) {
            buf[pictureIdAt] = (byte) (0x80 | pictureId >> 8 & 0x7F);
            buf[pictureIdAt + 1] = (byte) pictureId;
        } else {
            buf[pictureIdAt] = (byte) (pictureId & 0x7F);
        }
    }

    /** Where TL0PICIDX is, relative to {@code off}, or -1 when the descriptor has none (or is truncated). */
    public static int tl0PicIdxOffset(byte[] buf, int off, int len) {
        if (descriptorLength(buf, off, len) < 0 || (buf[off] & 0x80) == 0 || (buf[off + 1] & 0x40) == 0) return -1;
        int at = 2;
        if ((buf[off + 1] & 0x80) != 0) at += (buf[off + 2] & 0x80) != 0 ? 2 : 1;
        return at;
    }

    /**
     * The height a keyframe says its frames have (RFC 6386 §9.1: after the 3-byte frame tag, the start code
     * 9d 01 2a, then 14-bit width and height, little-endian), or -1 when this payload does not start a
     * keyframe or is too short to say.
     */
    public static int keyframeHeight(byte[] buf, int off, int len) {
        int at = keyframeSizeAt(buf, off, len);
        return at < 0 ? -1 : (buf[at + 2] & 0xFF | (buf[at + 3] & 0x3F) << 8);
    }

    public static int keyframeWidth(byte[] buf, int off, int len) {
        int at = keyframeSizeAt(buf, off, len);
        return at < 0 ? -1 : (buf[at] & 0xFF | (buf[at + 1] & 0x3F) << 8);
    }

    private static int keyframeSizeAt(byte[] buf, int off, int len) {
        if (!isKeyframe(buf, off, len)) return -1;
        int header = off + descriptorLength(buf, off, len);
        if (header + 10 > off + len) return -1;
        if ((buf[header + 3] & 0xFF) != 0x9d || buf[header + 4] != 0x01 || buf[header + 5] != 0x2a) return -1;
        return header + 6;
    }
}
