package org.queqiao.media.transport;

/** Demultiplexing by the first byte, as RFC 7983 lays out for one port carrying ICE, DTLS and SRTP. */
enum PacketKind {
    STUN, DTLS, RTP, RTCP, UNKNOWN;

    static PacketKind of(byte[] buf, int len) {
        if (len < 1) return UNKNOWN;
        int first = buf[0] & 0xff;
        if (first <= 3) return STUN;
        if (first >= 20 && first <= 63) return DTLS;
        if (first >= 128 && first <= 191) {
            if (len < 2) return UNKNOWN;
            int second = buf[1] & 0xff;
            // RTCP packet types 192-223 (RFC 5761 §4): with the marker bit they would be RTP payload types 64-95
            return second >= 192 && second <= 223 ? RTCP : RTP;
        }
        return UNKNOWN;
    }
}
