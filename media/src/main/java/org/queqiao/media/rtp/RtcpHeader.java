package org.queqiao.media.rtp;

/**
 * The common RTCP header (RFC 3550 §6.4.1) shared by every packet of a compound packet, and the packet
 * types and feedback formats this SFU handles.
 *
 * <pre>
 * |V=2|P| RC/FMT  |      PT       |        length (words - 1)     |
 * </pre>
 */
public final class RtcpHeader {
    public static final int LENGTH = 4;

    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    /** Transport-layer feedback, RFC 4585 §6.2. */
    public static final int RTPFB = 205;
    /** Payload-specific feedback, RFC 4585 §6.3. */
    public static final int PSFB = 206;

    /** RTPFB: generic NACK (RFC 4585 §6.2.1). */
    public static final int FMT_NACK = 1;
    /** RTPFB: transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1). */
    public static final int FMT_TRANSPORT_CC = 15;
    /** PSFB: picture loss indication (RFC 4585 §6.3.1). */
    public static final int FMT_PLI = 1;
    /** PSFB: full intra request (RFC 5104 §4.3.1). */
    public static final int FMT_FIR = 4;
    /** PSFB: application layer feedback (RFC 4585 §6.4), which carries REMB. */
    public static final int FMT_AFB = 15;

    private RtcpHeader() {}

    /**
     * RFC 5761 §4: on a port shared with RTP, a second byte of 192–223 is an RTCP packet type
     * (RTP payload types 64–95 with the marker bit would collide and are never negotiated).
     */
    public static boolean looksLikeRtcp(byte[] buf, int off, int len) {
        if (len < LENGTH) {
            return false;
        }
        int type = buf[off + 1] & 0xFF;
        return (buf[off] & 0xC0) == 0x80 && type >= 192 && type <= 223;
    }

    public static boolean hasPadding(byte[] buf, int off) {
        return (buf[off] & 0x20) != 0;
    }

    /** The 5-bit field that is a report/source count for SR, RR, SDES, BYE and a format for RTPFB/PSFB. */
    public static int countOrFormat(byte[] buf, int off) {
        return buf[off] & 0x1F;
    }

    public static int packetType(byte[] buf, int off) {
        return buf[off + 1] & 0xFF;
    }

    /** Length of this packet in bytes, header and any padding included. */
    public static int packetLength(byte[] buf, int off) {
        return (Bytes.u16(buf, off + 2) + 1) * 4;
    }

    /**
     * Writes a header for a packet of {@code packetLength} bytes (a multiple of 4) and returns
     * {@link #LENGTH}.
     */
    public static int write(byte[] buf, int off, int countOrFormat, int packetType, int packetLength) {
        buf[off] = (byte) (0x80 | countOrFormat & 0x1F);
        buf[off + 1] = (byte) packetType;
        Bytes.put16(buf, off + 2, packetLength / 4 - 1);
        return LENGTH;
    }
}
