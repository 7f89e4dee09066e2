package org.queqiao.media.rtp;

/**
 * Goodbye (RFC 3550 §6.6): SC SSRC/CSRC identifiers leaving, then an optional reason this SFU ignores.
 * {@link RtcpCompoundIterator} has checked that all SC identifiers are inside the packet.
 */
public final class Bye {
    private Bye() {}

    public static int sourceCount(byte[] buf, int off) {
        return RtcpHeader.countOrFormat(buf, off);
    }

    public static int source(byte[] buf, int off, int index) {
        return Bytes.i32(buf, off + RtcpHeader.LENGTH + 4 * index);
    }
}
