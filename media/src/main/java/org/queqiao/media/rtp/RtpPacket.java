package org.queqiao.media.rtp;

/**
 * The fixed RTP header (RFC 3550 §5.1) as static accessors over {@code (buf, off, len)}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers  ...        |
 * |  extension profile            |  extension length (words)     |   if X
 * |                        extension data ...                     |
 * |                        payload ...       | padding ... | count |   if P
 * </pre>
 *
 * <p>Call {@link #isValid} once per packet; the other accessors then assume a valid packet and do not
 * re-check bounds. Header length, payload offset and payload length all account for CSRCs, the
 * extension block and padding.
 */
public final class RtpPacket {
    /** Size of the fixed header, without CSRCs or extension. */
    public static final int FIXED_HEADER_LENGTH = 12;

    private RtpPacket() {}

    /**
     * The RTP validity checks of RFC 3550 Appendix A.1 that can be made on one packet: version 2, the
     * CSRC list and extension block inside the packet, a padding count that is at least 1 and fits.
     * Never throws, whatever the input.
     */
    public static boolean isValid(byte[] buf, int off, int len) {
        if (buf == null || off < 0 || len < FIXED_HEADER_LENGTH || off > buf.length - len) {
            return false;
        }
        if ((buf[off] & 0xC0) != 0x80) {
            return false;
        }
        int headerLength = FIXED_HEADER_LENGTH + 4 * (buf[off] & 0x0F);
        if (hasExtension(buf, off)) {
            if (headerLength + 4 > len) {
                return false;
            }
            headerLength += 4 + 4 * Bytes.u16(buf, off + headerLength + 2);
        }
        if (headerLength > len) {
            return false;
        }
        if (hasPadding(buf, off)) {
            int padding = buf[off + len - 1] & 0xFF;
            // §5.1: the last octet counts itself, so 0 is malformed.
            return padding >= 1 && headerLength + padding <= len;
        }
        return true;
    }

    public static int version(byte[] buf, int off) {
        return (buf[off] & 0xC0) >>> 6;
    }

    public static boolean hasPadding(byte[] buf, int off) {
        return (buf[off] & 0x20) != 0;
    }

    public static boolean hasExtension(byte[] buf, int off) {
        return (buf[off] & 0x10) != 0;
    }

    public static int csrcCount(byte[] buf, int off) {
        return buf[off] & 0x0F;
    }

    public static int csrc(byte[] buf, int off, int index) {
        return Bytes.i32(buf, off + FIXED_HEADER_LENGTH + 4 * index);
    }

    public static boolean marker(byte[] buf, int off) {
        return (buf[off + 1] & 0x80) != 0;
    }

    public static int payloadType(byte[] buf, int off) {
        return buf[off + 1] & 0x7F;
    }

    public static int sequenceNumber(byte[] buf, int off) {
        return Bytes.u16(buf, off + 2);
    }

    public static int timestamp(byte[] buf, int off) {
        return Bytes.i32(buf, off + 4);
    }

    public static int ssrc(byte[] buf, int off) {
        return Bytes.i32(buf, off + 8);
    }

    /** Offset (relative to {@code off}) of the extension block's profile word; meaningful only if X is set. */
    public static int extensionOffset(byte[] buf, int off) {
        return FIXED_HEADER_LENGTH + 4 * csrcCount(buf, off);
    }

    /** Fixed header + CSRCs + extension block: the offset of the payload relative to {@code off}. */
    public static int headerLength(byte[] buf, int off) {
        int length = extensionOffset(buf, off);
        if (hasExtension(buf, off)) {
            length += 4 + 4 * Bytes.u16(buf, off + length + 2);
        }
        return length;
    }

    /** Absolute offset of the payload in {@code buf}. */
    public static int payloadOffset(byte[] buf, int off) {
        return off + headerLength(buf, off);
    }

    /** Number of padding octets at the end (RFC 3550 §5.1), including the count octet itself. */
    public static int paddingLength(byte[] buf, int off, int len) {
        return hasPadding(buf, off) ? buf[off + len - 1] & 0xFF : 0;
    }

    /** Payload length with the padding removed. */
    public static int payloadLength(byte[] buf, int off, int len) {
        return len - headerLength(buf, off) - paddingLength(buf, off, len);
    }

    public static void setMarker(byte[] buf, int off, boolean marker) {
        buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
    }

    /** Replaces the payload type and keeps the marker bit. */
    public static void setPayloadType(byte[] buf, int off, int payloadType) {
        buf[off + 1] = (byte) (buf[off + 1] & 0x80 | payloadType & 0x7F);
    }

    public static void setSequenceNumber(byte[] buf, int off, int sequenceNumber) {
        Bytes.put16(buf, off + 2, sequenceNumber);
    }

    public static void setTimestamp(byte[] buf, int off, int timestamp) {
        Bytes.put32(buf, off + 4, timestamp);
    }

    public static void setSsrc(byte[] buf, int off, int ssrc) {
        Bytes.put32(buf, off + 8, ssrc);
    }

    /** Clears the P bit; the caller shortens the packet by {@link #paddingLength} itself. */
    public static void clearPadding(byte[] buf, int off) {
        buf[off] = (byte) (buf[off] & ~0x20);
    }
}
