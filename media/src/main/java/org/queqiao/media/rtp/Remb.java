package org.queqiao.media.rtp;

/**
 * Receiver estimated maximum bitrate (draft-alvestrand-rmcat-remb-03 §2.2): a PSFB application layer
 * feedback message (FMT 15) with media source SSRC 0 and the FCI
 *
 * <pre>
 * |  'R' 'E' 'M' 'B'                                              |
 * |  Num SSRC     | BR Exp    |  BR Mantissa (18 bits)            |
 * |   SSRC feedback ...                                           |
 * </pre>
 *
 * The bitrate in bits per second is {@code mantissa << exp}.
 */
public final class Remb {
    private static final int IDENTIFIER = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
    private static final int SSRCS_OFFSET = RtcpFeedback.FCI_OFFSET + 8;
    private static final int MAX_MANTISSA = (1 << 18) - 1;

    private Remb() {}

    /**
     * Whether the packet (as {@link RtcpCompoundIterator} yields it) is a well-formed REMB: PSFB FMT 15,
     * the "REMB" identifier, and all announced SSRCs inside the packet.
     */
    public static boolean isRemb(byte[] buf, int off, int len) {
        return RtcpHeader.packetType(buf, off) == RtcpHeader.PSFB
                && RtcpHeader.countOrFormat(buf, off) == RtcpHeader.FMT_AFB
                && len >= SSRCS_OFFSET
                && Bytes.i32(buf, off + RtcpFeedback.FCI_OFFSET) == IDENTIFIER
                && len >= SSRCS_OFFSET + 4 * ssrcCount(buf, off);
    }

    public static int ssrcCount(byte[] buf, int off) {
        return Bytes.u8(buf, off + RtcpFeedback.FCI_OFFSET + 4);
    }

    /** The bitrate in bits per second; an exponent above 45 would overflow and saturates instead. */
    public static long bitrate(byte[] buf, int off) {
        int word = Bytes.u24(buf, off + RtcpFeedback.FCI_OFFSET + 5);
        int exponent = word >>> 18;
        long mantissa = word & MAX_MANTISSA;
        if (exponent > 45) {
            return Long.MAX_VALUE;
        }
        return mantissa << exponent;
    }

    public static int ssrc(byte[] buf, int off, int index) {
        return Bytes.i32(buf, off + SSRCS_OFFSET + 4 * index);
    }

    /** Length of a REMB naming {@code ssrcCount} streams. */
    public static int length(int ssrcCount) {
        return SSRCS_OFFSET + 4 * ssrcCount;
    }

    /**
     * Writes a REMB capping the sender of {@code ssrcs[0..count)} (at most 255) at {@code bitrate} bits
     * per second, rounded down to what 18 bits of mantissa can express; returns its length.
     */
    public static int write(byte[] buf, int off, int senderSsrc, long bitrate, int[] ssrcs, int count) {
        if (count < 0 || count > 255) {
            throw new IllegalArgumentException("a REMB names 0 to 255 SSRCs, not " + count);
        }
        int length = length(count);
        RtcpFeedback.writeCommon(buf, off, RtcpHeader.FMT_AFB, RtcpHeader.PSFB, senderSsrc, 0, length);
        long mantissa = Math.max(0, bitrate);
        int exponent = 0;
        while (mantissa > MAX_MANTISSA) {
            mantissa >>>= 1;
            exponent++;
        }
        int fci = off + RtcpFeedback.FCI_OFFSET;
        Bytes.put32(buf, fci, IDENTIFIER);
        buf[fci + 4] = (byte) count;
        Bytes.put24(buf, fci + 5, exponent << 18 | (int) mantissa);
        for (int i = 0; i < count; i++) {
            Bytes.put32(buf, off + SSRCS_OFFSET + 4 * i, ssrcs[i]);
        }
        return length;
    }
}
