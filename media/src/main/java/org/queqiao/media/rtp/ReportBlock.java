package org.queqiao.media.rtp;

/**
 * A reception report block (RFC 3550 §6.4.1), found in SR and RR packets.
 *
 * <pre>
 * |                 SSRC of the reported source                   |
 * | fraction lost |       cumulative number of packets lost       |
 * |           extended highest sequence number received           |
 * |                      interarrival jitter                      |
 * |                         last SR (LSR)                         |
 * |                   delay since last SR (DLSR)                  |
 * </pre>
 */
public final class ReportBlock {
    public static final int LENGTH = 24;
    private static final int MAX_CUMULATIVE_LOST = 0x7FFFFF;
    private static final int MIN_CUMULATIVE_LOST = -0x800000;

    private ReportBlock() {}

    public static int ssrc(byte[] buf, int off) {
        return Bytes.i32(buf, off);
    }

    /** Fraction lost since the previous report, in 1/256 (§6.4.1). */
    public static int fractionLost(byte[] buf, int off) {
        return Bytes.u8(buf, off + 4);
    }

    /** Cumulative lost, a signed 24-bit number: duplicates can make it negative (§6.4.1). */
    public static int cumulativeLost(byte[] buf, int off) {
        return Bytes.u24(buf, off + 5) << 8 >> 8;
    }

    public static int extendedHighestSequenceNumber(byte[] buf, int off) {
        return Bytes.i32(buf, off + 8);
    }

    /** Interarrival jitter in RTP timestamp units. */
    public static long jitter(byte[] buf, int off) {
        return Bytes.u32(buf, off + 12);
    }

    public static int lastSenderReport(byte[] buf, int off) {
        return Bytes.i32(buf, off + 16);
    }

    /** Delay since the last SR, in units of 1/65536 s. */
    public static long delaySinceLastSenderReport(byte[] buf, int off) {
        return Bytes.u32(buf, off + 20);
    }

    /** Writes one block and returns {@link #LENGTH}; the cumulative loss is clamped to 24 signed bits. */
    public static int write(byte[] buf, int off, int ssrc, int fractionLost, long cumulativeLost,
                            int extendedHighestSequenceNumber, long jitter, int lastSenderReport,
                            long delaySinceLastSenderReport) {
        Bytes.put32(buf, off, ssrc);
        buf[off + 4] = (byte) fractionLost;
        Bytes.put24(buf, off + 5, (int) Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, cumulativeLost)));
        Bytes.put32(buf, off + 8, extendedHighestSequenceNumber);
        Bytes.put32(buf, off + 12, (int) Math.min(jitter, 0xFFFF_FFFFL));
        Bytes.put32(buf, off + 16, lastSenderReport);
        Bytes.put32(buf, off + 20, (int) Math.min(delaySinceLastSenderReport, 0xFFFF_FFFFL));
        return LENGTH;
    }
}
