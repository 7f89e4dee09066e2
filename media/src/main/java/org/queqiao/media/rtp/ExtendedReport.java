package org.queqiao.media.rtp;

/**
 * RTCP extended reports (XR, RFC 3611), the two blocks that give a round-trip time to a party that only
 * receives: the receiver sends a receiver reference time report (RRTR, §4.4) with its NTP time; the sender
 * echoes it in a DLRR sub-block (§4.5) with how long it held it; the receiver's RTT is then
 * {@code now - LRR - DLRR}, as for an SR/RR pair (RFC 3550 §6.4.1), all in compact NTP units (1/65536 s).
 *
 * <pre>
 * XR:   |V=2|P|reserved |   PT=XR=207   |             length            |
 *       |                              SSRC                             |
 *       blocks: | BT  | type-specific |         block length (words)    | ...
 * RRTR: BT=4, block length 2: NTP timestamp, most then least significant word
 * DLRR: BT=5, block length 3 x n: per sub-block SSRC, LRR (middle 32 bits of the RRTR's NTP), DLRR
 * </pre>
 */
public final class ExtendedReport {
    public static final int XR = 207;
    public static final int RRTR = 4;
    public static final int DLRR = 5;
    /** Header, SSRC and one RRTR block. */
    public static final int RRTR_PACKET_LENGTH = 8 + 12;
    /** Header, SSRC, a DLRR block header and one sub-block. */
    public static final int DLRR_PACKET_LENGTH = 8 + 4 + 12;

    private static final int BLOCKS_OFFSET = 8;

    private ExtendedReport() {}

    /** Writes an XR with one RRTR block carrying {@code ntp}; returns its length. */
    public static int writeRrtr(byte[] buf, int off, int senderSsrc, long ntp) {
        int b = writeOneBlockPacket(buf, off, senderSsrc, RRTR_PACKET_LENGTH, RRTR);
        Bytes.put32(buf, b + 4, (int) (ntp >>> 32));
        Bytes.put32(buf, b + 8, (int) ntp);
        return RRTR_PACKET_LENGTH;
    }

    /** Writes an XR with one DLRR sub-block for {@code ssrc}'s RRTR; returns its length. */
    public static int writeDlrr(byte[] buf, int off, int senderSsrc, int ssrc, int lastReceiverReport, int delay) {
        int b = writeOneBlockPacket(buf, off, senderSsrc, DLRR_PACKET_LENGTH, DLRR);
        Bytes.put32(buf, b + 4, ssrc);
        Bytes.put32(buf, b + 8, lastReceiverReport);
        Bytes.put32(buf, b + 12, delay);
        return DLRR_PACKET_LENGTH;
    }

    /** The XR header, sender SSRC and the header of its one block, which fills the rest; returns the block's offset. */
    private static int writeOneBlockPacket(byte[] buf, int off, int senderSsrc, int packetLength, int blockType) {
        RtcpHeader.write(buf, off, 0, XR, packetLength);
        Bytes.put32(buf, off + 4, senderSsrc);
        int b = off + BLOCKS_OFFSET;
        buf[b] = (byte) blockType;
        buf[b + 1] = 0;
        Bytes.put16(buf, b + 2, (packetLength - BLOCKS_OFFSET) / 4 - 1); // block length in words, header excluded
        return b;
    }

    public static int senderSsrc(byte[] buf, int off) {
        return Bytes.i32(buf, off + 4);
    }

    /** What a reader of one XR packet is told, block by block; unknown blocks are skipped. */
    public interface Visitor {
        /** An RRTR: the sender's NTP time when it sent the report. */
        default void rrtr(long ntp) {}

        /** One DLRR sub-block: the RRTR of {@code ssrc} was held {@code delay} after it arrived as {@code lastReceiverReport}. */
        default void dlrr(int ssrc, int lastReceiverReport, int delay) {}
    }

    /**
     * Reads the XR packet at {@code off} of {@code len} bytes (one packet of a compound, as {@link
     * RtcpCompoundIterator} yields it); returns false, having visited only the well-formed blocks before it,
     * when a block runs past the packet.
     */
    public static boolean read(byte[] buf, int off, int len, Visitor visitor) {
        if (len < BLOCKS_OFFSET) return false;
        int p = off + BLOCKS_OFFSET;
        int end = off + len;
        while (p + 4 <= end) {
            int type = buf[p] & 0xFF;
            int bytes = 4 + 4 * Bytes.u16(buf, p + 2);
            if (p + bytes > end) return false;
            if (type == RRTR && bytes == 12) {
                visitor.rrtr((long) Bytes.i32(buf, p + 4) << 32 | Bytes.u32(buf, p + 8));
            } else if (type == DLRR) {
                for (int s = p + 4; s + 12 <= p + bytes; s += 12) {
                    visitor.dlrr(Bytes.i32(buf, s), Bytes.i32(buf, s + 4), Bytes.i32(buf, s + 8));
                }
            }
            p += bytes;
        }
        return true;
    }
}
