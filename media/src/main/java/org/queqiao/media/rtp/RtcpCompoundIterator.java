package org.queqiao.media.rtp;

/**
 * Walks the packets of a compound RTCP packet (RFC 3550 §6.1) without allocating: {@link #reset} on a
 * received datagram, then {@code while (it.next())} and read {@link #offset()}, {@link #length()},
 * {@link #packetType()} and {@link #countOrFormat()} of the current packet.
 *
 * <p>Safety: a header that is not version 2, runs past the datagram or has an impossible padding count
 * ends the walk and sets {@link #malformed()}. A packet whose length is too short for the fixed fields of
 * its type (SR, RR, BYE, RTPFB, PSFB) is skipped, also setting {@link #malformed()}, so that the readers
 * of those types may read their fixed fields without bounds checks; variable parts (report blocks,
 * FCI entries) are counted from {@link #length()} by the readers.
 *
 * <p>The "first packet is SR or RR" rule of RFC 3550 Appendix A.2 is deliberately not enforced: browsers
 * send reduced-size RTCP (RFC 5506), e.g. a lone PLI or NACK. One instance per thread; it holds a
 * reference to the caller's buffer until the next reset.
 */
public final class RtcpCompoundIterator {
    private byte[] buf;
    private int next;
    private int end;
    private int offset;
    private int length;
    private boolean malformed;

    public RtcpCompoundIterator reset(byte[] buf, int off, int len) {
        boolean sane = buf != null && off >= 0 && len >= 0 && off <= buf.length - len;
        this.buf = buf;
        this.next = sane ? off : 0;
        this.end = sane ? off + len : 0;
        this.offset = -1;
        this.length = 0;
        this.malformed = !sane;
        return this;
    }

    /** Moves to the next well-formed packet; false at the end or at a fault that ends the walk. */
    public boolean next() {
        while (end - next >= RtcpHeader.LENGTH) {
            int at = next;
            if ((buf[at] & 0xC0) != 0x80) {
                return stop();
            }
            int packetLength = RtcpHeader.packetLength(buf, at);
            if (packetLength > end - at) {
                return stop();
            }
            if (RtcpHeader.hasPadding(buf, at)) {
                int padding = buf[at + packetLength - 1] & 0xFF;
                if (padding == 0 || padding > packetLength - RtcpHeader.LENGTH) {
                    return stop();
                }
            }
            next = at + packetLength;
            if (packetLength < minimumLength(buf, at)) {
                malformed = true;
                continue;
            }
            offset = at;
            length = packetLength;
            return true;
        }
        if (next != end) {
            malformed = true; // 1–3 trailing bytes
            next = end;
        }
        offset = -1;
        return false;
    }

    private boolean stop() {
        malformed = true;
        next = end;
        offset = -1;
        return false;
    }

    private static int minimumLength(byte[] buf, int at) {
        int count = RtcpHeader.countOrFormat(buf, at);
        return switch (RtcpHeader.packetType(buf, at)) {
            case RtcpHeader.SR -> SenderReport.REPORT_BLOCKS_OFFSET + count * ReportBlock.LENGTH;
            case RtcpHeader.RR -> ReceiverReport.REPORT_BLOCKS_OFFSET + count * ReportBlock.LENGTH;
            case RtcpHeader.BYE -> RtcpHeader.LENGTH + count * 4;
            case RtcpHeader.RTPFB, RtcpHeader.PSFB -> RtcpFeedback.FCI_OFFSET;
            default -> RtcpHeader.LENGTH;
        };
    }

    /** Absolute offset of the current packet in the buffer. */
    public int offset() {
        return offset;
    }

    /** Length in bytes of the current packet, padding included. */
    public int length() {
        return length;
    }

    public int packetType() {
        return RtcpHeader.packetType(buf, offset);
    }

    public int countOrFormat() {
        return RtcpHeader.countOrFormat(buf, offset);
    }

    /** Whether any part of the datagram was skipped or ended the walk as malformed. */
    public boolean malformed() {
        return malformed;
    }
}
