package org.queqiao.media.rtp;

/**
 * Receiver report (RFC 3550 §6.4.2): sender SSRC then RC report blocks. Read the packets
 * {@link RtcpCompoundIterator} yields; write one with {@link #writeHeader} followed by
 * {@link ReportBlock#write} per block.
 */
public final class ReceiverReport {
    public static final int REPORT_BLOCKS_OFFSET = 8;
    /** RC is a 5-bit field. */
    public static final int MAX_REPORT_BLOCKS = 31;

    private ReceiverReport() {}

    public static int senderSsrc(byte[] buf, int off) {
        return Bytes.i32(buf, off + 4);
    }

    public static int reportCount(byte[] buf, int off) {
        return RtcpHeader.countOrFormat(buf, off);
    }

    public static int reportBlockOffset(int off, int index) {
        return off + REPORT_BLOCKS_OFFSET + index * ReportBlock.LENGTH;
    }

    /** Total length of a receiver report with {@code blockCount} blocks. */
    public static int length(int blockCount) {
        return REPORT_BLOCKS_OFFSET + blockCount * ReportBlock.LENGTH;
    }

    /**
     * Writes the header and sender SSRC of a receiver report that will carry {@code blockCount}
     * (0–31) blocks, and returns the offset where the first block goes ({@link #REPORT_BLOCKS_OFFSET}).
     * The caller writes the blocks with {@link ReportBlock#write}; the packet is {@link #length} bytes.
     */
    public static int writeHeader(byte[] buf, int off, int senderSsrc, int blockCount) {
        if (blockCount < 0 || blockCount > MAX_REPORT_BLOCKS) {
            throw new IllegalArgumentException("an RR carries 0 to 31 report blocks, not " + blockCount);
        }
        RtcpHeader.write(buf, off, blockCount, RtcpHeader.RR, length(blockCount));
        Bytes.put32(buf, off + 4, senderSsrc);
        return REPORT_BLOCKS_OFFSET;
    }
}
