package org.queqiao.media.srtp;

/**
 * Encryption and authentication of one kind of packet (RTP or RTCP, each has its own session keys) in one
 * direction. Works in place: protecting appends the trailer, so the array must have room for
 * {@link #rtpOverhead()} or {@link #rtcpOverhead()} more bytes. Unprotect methods return the plain length,
 * or -1 when the packet does not authenticate. Not thread-safe.
 */
interface SrtpTransform {

    int rtpOverhead();

    /** Tag plus the 4-byte E|SRTCP index word. */
    default int rtcpOverhead() { return rtpOverhead() + 4; }

    int protectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, int roc, int seq);

    int unprotectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, int roc, int seq);

    /** Encrypts the RTCP packet with the E flag set and appends the E|index word and the tag. */
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int srtcpIndex);

    /** Where the E|index word of a protected RTCP packet of this length starts, relative to off. */
    int srtcpIndexWordOffset(int len);

    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int indexWord);

    /** Constant-time comparison, so that a forger learns nothing from how fast a tag is refused. */
    static boolean sameBytes(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    static void putInt(byte[] buf, int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    static int getInt(byte[] buf, int at) {
        return ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8) | (buf[at + 3] & 0xff);
    }
}
