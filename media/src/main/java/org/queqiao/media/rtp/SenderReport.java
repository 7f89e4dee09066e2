package org.queqiao.media.rtp;

/**
 * Sender report (RFC 3550 §6.4.1): sender SSRC, sender info (NTP and RTP timestamps, packet and octet
 * counts), then RC report blocks. Read the packets {@link RtcpCompoundIterator} yields; it has checked
 * that the sender info and all RC blocks are inside the packet.
 */
public final class SenderReport {
    public static final int REPORT_BLOCKS_OFFSET = 28;

    private SenderReport() {}

    public static int senderSsrc(byte[] buf, int off) {
        return Bytes.i32(buf, off + 4);
    }

    /** The 64-bit NTP timestamp (seconds since 1900 in the high word, fraction in the low word). */
    public static long ntpTimestamp(byte[] buf, int off) {
        return (long) Bytes.i32(buf, off + 8) << 32 | Bytes.u32(buf, off + 12);
    }

    /** The middle 32 bits of the NTP timestamp: what a report block echoes as LSR (§6.4.1). */
    public static int compactNtp(byte[] buf, int off) {
        return (int) (ntpTimestamp(buf, off) >>> 16);
    }

    public static int rtpTimestamp(byte[] buf, int off) {
        return Bytes.i32(buf, off + 16);
    }

    public static long packetCount(byte[] buf, int off) {
        return Bytes.u32(buf, off + 20);
    }

    public static long octetCount(byte[] buf, int off) {
        return Bytes.u32(buf, off + 24);
    }

    public static int reportCount(byte[] buf, int off) {
        return RtcpHeader.countOrFormat(buf, off);
    }

    /** Absolute offset of report block {@code index}, to read with {@link ReportBlock}. */
    public static int reportBlockOffset(int off, int index) {
        return off + REPORT_BLOCKS_OFFSET + index * ReportBlock.LENGTH;
    }
}
