package org.queqiao.media.rtp;

/**
 * The common part of RTPFB and PSFB feedback messages (RFC 4585 §6.1): header, packet sender SSRC,
 * media source SSRC, then the feedback control information (FCI).
 */
public final class RtcpFeedback {
    /** Offset of the FCI from the start of the packet. */
    public static final int FCI_OFFSET = 12;

    private RtcpFeedback() {}

    public static int senderSsrc(byte[] buf, int off) {
        return Bytes.i32(buf, off + 4);
    }

    public static int mediaSsrc(byte[] buf, int off) {
        return Bytes.i32(buf, off + 8);
    }

    public static boolean isTransportCc(byte[] buf, int off) {
        return RtcpHeader.packetType(buf, off) == RtcpHeader.RTPFB
                && RtcpHeader.countOrFormat(buf, off) == RtcpHeader.FMT_TRANSPORT_CC;
    }

    /** Writes header and both SSRCs for a message of {@code packetLength} bytes; returns {@link #FCI_OFFSET}. */
    static int writeCommon(byte[] buf, int off, int format, int packetType, int senderSsrc, int mediaSsrc,
                           int packetLength) {
        RtcpHeader.write(buf, off, format, packetType, packetLength);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        return FCI_OFFSET;
    }

    /** FCI bytes of a packet of {@code len} bytes, padding excluded. */
    static int fciLength(byte[] buf, int off, int len) {
        int padding = RtcpHeader.hasPadding(buf, off) ? buf[off + len - 1] & 0xFF : 0;
        return Math.max(0, len - padding - FCI_OFFSET);
    }
}
