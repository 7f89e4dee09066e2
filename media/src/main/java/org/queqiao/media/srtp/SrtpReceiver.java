package org.queqiao.media.srtp;

import static org.queqiao.media.srtp.SrtpKeyDerivation.sessionKeys;

/**
 * Unprotects the SRTP and SRTCP packets a peer sends us: rollover counter estimation, replay windows per
 * SSRC, then authentication and decryption in place. State moves only for packets that authenticate.
 * A packet that fails may be left scribbled over (the JDK's GCM clears its output on a bad tag).
 * Not thread-safe: one transport's packets are read by one thread.
 */
public final class SrtpReceiver {
    private final SrtpTransform rtp;
    private final SrtpTransform rtcp;
    private final StreamTable streams = new StreamTable();

    public SrtpReceiver(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        this.rtp = SrtpTransforms.create(profile, sessionKeys(profile, masterKey, masterSalt, false));
        this.rtcp = SrtpTransforms.create(profile, sessionKeys(profile, masterKey, masterSalt, true));
    }

    /** Returns the plain RTP length (the packet starts at off as before) or a negative {@link SrtpResult}. */
    public int unprotectRtp(byte[] buf, int off, int len) {
        int headerLen = RtpHeader.length(buf, off, len);
        if (headerLen < 0 || len - headerLen < rtp.rtpOverhead()) return SrtpResult.MALFORMED;
        int ssrc = RtpHeader.ssrc(buf, off);
        int seq = RtpHeader.sequenceNumber(buf, off);
        StreamState state = streams.get(ssrc);
        if (state == null && streams.isFull()) return SrtpResult.TOO_MANY_STREAMS;
        int roc = state == null ? 0 : state.estimateRoc(seq);
        long index = StreamState.index(roc, seq);
        if (roc < 0 || (state != null && state.rtpWindow.isReplayOrTooOld(index))) return SrtpResult.REPLAYED;
        int plainLen = rtp.unprotectRtp(buf, off, len, headerLen, ssrc, roc, seq);
        if (plainLen < 0) return SrtpResult.AUTH_FAILED;
        if (state == null) state = streams.add(ssrc);
        state.advance(roc, seq);
        state.rtpWindow.accept(index);
        return plainLen;
    }

    /** Returns the plain compound RTCP length or a negative {@link SrtpResult}. */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (len < 8 + rtcp.rtcpOverhead() || (buf[off] & 0xc0) != 0x80) return SrtpResult.MALFORMED;
        int ssrc = RtpHeader.rtcpSenderSsrc(buf, off);
        int indexWord = SrtpTransform.getInt(buf, off + rtcp.srtcpIndexWordOffset(len));
        long index = indexWord & 0x7fffffff;
        StreamState state = streams.get(ssrc);
        if (state == null && streams.isFull()) return SrtpResult.TOO_MANY_STREAMS;
        if (state != null && state.rtcpWindow.isReplayOrTooOld(index)) return SrtpResult.REPLAYED;
        int plainLen = rtcp.unprotectRtcp(buf, off, len, ssrc, indexWord);
        if (plainLen < 0) return SrtpResult.AUTH_FAILED;
        if (state == null) state = streams.add(ssrc);
        state.rtcpWindow.accept(index);
        return plainLen;
    }
}
