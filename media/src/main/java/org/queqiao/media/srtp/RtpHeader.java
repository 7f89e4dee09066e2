package org.queqiao.media.srtp;

/** The few RTP header fields SRTP needs, read straight from the bytes (RFC 3550 §5.1). */
public final class RtpHeader {
    private RtpHeader() {}

    /** Length of the header with CSRCs and extension, or -1 when the packet is not version 2 or is cut short. */
    public static int length(byte[] buf, int off, int len) {
        if (len < 12 || (buf[off] & 0xc0) != 0x80) return -1;
        int headerLen = 12 + 4 * (buf[off] & 0x0f);
        if ((buf[off] & 0x10) != 0) {
            if (len < headerLen + 4) return -1;
            int words = ((buf[off + headerLen + 2] & 0xff) << 8) | (buf[off + headerLen + 3] & 0xff);
            headerLen += 4 + 4 * words;
        }
        return headerLen <= len ? headerLen : -1;
    }

    public static int sequenceNumber(byte[] buf, int off) {
        return ((buf[off + 2] & 0xff) << 8) | (buf[off + 3] & 0xff);
    }

    public static int ssrc(byte[] buf, int off) {
        return SrtpTransform.getInt(buf, off + 8);
    }

    /** The sender SSRC of the first packet of a compound RTCP packet. */
    public static int rtcpSenderSsrc(byte[] buf, int off) {
        return SrtpTransform.getInt(buf, off + 4);
    }
}
