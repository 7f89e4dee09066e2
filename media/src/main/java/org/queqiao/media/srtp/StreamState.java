package org.queqiao.media.srtp;

/**
 * What SRTP remembers per SSRC in one direction: the rollover counter and highest sequence number
 * (RFC 3711 §3.2.1, "s_l"), the replay windows, and on the sending side the next SRTCP index.
 */
final class StreamState {
    final int ssrc;
    int roc;
    int highestSeq;
    /** False until the first RTP packet: a stream may begin with RTCP, which says nothing of sequence numbers. */
    boolean rtpSeen;
    int nextSrtcpIndex;
    final ReplayWindow rtpWindow = new ReplayWindow();
    final ReplayWindow rtcpWindow = new ReplayWindow();
    /**
     * Sender side only: the last 8 bytes of the tag each index in the RTP window was sent with, slot
     * {@code index % ReplayWindow.SIZE}, so that a packet protected again can be proved the same packet.
     */
    long[] sentTags;

    StreamState(int ssrc) {
        this.ssrc = ssrc;
    }

    /**
     * The rollover counter guessed for {@code seq} (RFC 3711 §3.3.1): the one that puts the packet
     * nearest to the highest sequence number seen. -1 means "before this stream began".
     */
    int estimateRoc(int seq) {
        if (!rtpSeen) return 0;
        if (highestSeq < 32768) {
            return seq - highestSeq > 32768 ? roc - 1 : roc;
        }
        return highestSeq - 32768 > seq ? roc + 1 : roc;
    }

    /** Records an authenticated packet with the estimated rollover counter. */
    void advance(int estimatedRoc, int seq) {
        if (!rtpSeen) {
            rtpSeen = true;
            roc = estimatedRoc;
            highestSeq = seq;
        } else if (estimatedRoc == roc + 1 || (estimatedRoc == roc && seq > highestSeq)) {
            roc = estimatedRoc;
            highestSeq = seq;
        }
    }

    static long index(int roc, int seq) {
        return ((roc & 0xffffffffL) << 16) | seq;
    }
}
