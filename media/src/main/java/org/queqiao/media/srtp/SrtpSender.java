package org.queqiao.media.srtp;

import static org.queqiao.media.srtp.SrtpKeyDerivation.sessionKeys;

/**
 * Protects the RTP and RTCP packets we send on one transport. Thread-safe (the forwarding thread and others
 * may send on the same transport); allocation-free for AES-CM, see {@link AesGcmTransform} for GCM.
 *
 * <p>A packet index is protected twice only for the same packet. Two different packets under one IV give
 * away the key stream (and with AES-GCM the authentication key), so libsrtp refuses a second index unless
 * told {@code allow_repeat_tx}, which libwebrtc sets for audio: Opus has no RTX, and a NACKed audio packet
 * goes out again as it was. We allow the repeat without trusting the caller: every index in the window keeps
 * the last 8 bytes of the tag it was sent with, and a second protection whose tag differs is refused and not
 * sent. Equal tags under one key and IV mean equal ciphertext, hence equal plaintext, so the repeat is a
 * byte-for-byte copy of what the wire has already seen and tells an eavesdropper nothing new. An index further
 * back than the window is refused as before.
 */
public final class SrtpSender {
    private final SrtpTransform rtp;
    private final SrtpTransform rtcp;
    private final StreamTable streams = new StreamTable();

    public SrtpSender(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        this.rtp = SrtpTransforms.create(profile, sessionKeys(profile, masterKey, masterSalt, false));
        this.rtcp = SrtpTransforms.create(profile, sessionKeys(profile, masterKey, masterSalt, true));
    }

    /** Bytes that {@link #protectRtp} appends; the array must have this much room after the packet. */
    public int rtpOverhead() { return rtp.rtpOverhead(); }

    public int rtcpOverhead() { return rtcp.rtcpOverhead(); }

    /**
     * Protects in place; returns the protected length or a negative {@link SrtpResult}: {@code REPLAYED} for an
     * index sent before with other content (the buffer then holds nothing to send) or beyond the window.
     */
    public synchronized int protectRtp(byte[] buf, int off, int len) {
        int headerLen = RtpHeader.length(buf, off, len);
        if (headerLen < 0) return SrtpResult.MALFORMED;
        int ssrc = RtpHeader.ssrc(buf, off);
        int seq = RtpHeader.sequenceNumber(buf, off);
        StreamState state = streams.get(ssrc);
        if (state == null) {
            if (streams.isFull()) return SrtpResult.TOO_MANY_STREAMS;
            state = streams.add(ssrc);
        }
        int roc = state.estimateRoc(seq);
        long index = StreamState.index(roc, seq);
        if (roc < 0 || state.rtpWindow.isTooOld(index)) return SrtpResult.REPLAYED;
        boolean again = state.rtpWindow.isSeen(index);
        int protectedLen = rtp.protectRtp(buf, off, len, headerLen, ssrc, roc, seq);
        if (protectedLen < 0) return SrtpResult.MALFORMED;
        long tag = lastEightBytes(buf, off + protectedLen);
        int slot = (int) (index & (ReplayWindow.SIZE - 1));
        if (state.sentTags == null) state.sentTags = new long[ReplayWindow.SIZE];
        if (again) return state.sentTags[slot] == tag ? protectedLen : SrtpResult.REPLAYED;
        state.sentTags[slot] = tag;
        state.advance(roc, seq);
        state.rtpWindow.accept(index);
        return protectedLen;
    }

    private static long lastEightBytes(byte[] buf, int end) {
        long v = 0;
        for (int i = end - 8; i < end; i++) v = v << 8 | (buf[i] & 0xff);
        return v;
    }

    /** Copies {@code src} into {@code dst} and protects it there, leaving the caller's packet untouched. */
    public int protectRtp(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        if (dst.length - dstOff < len) return SrtpResult.MALFORMED;
        System.arraycopy(src, srcOff, dst, dstOff, len);
        return protectRtp(dst, dstOff, len);
    }

    /** Protects a compound RTCP packet in place with the next SRTCP index of its sender SSRC. */
    public synchronized int protectRtcp(byte[] buf, int off, int len) {
        if (len < 8 || (buf[off] & 0xc0) != 0x80) return SrtpResult.MALFORMED;
        int ssrc = RtpHeader.rtcpSenderSsrc(buf, off);
        StreamState state = streams.get(ssrc);
        if (state == null) {
            if (streams.isFull()) return SrtpResult.TOO_MANY_STREAMS;
            state = streams.add(ssrc);
        }
        int index = state.nextSrtcpIndex;
        int protectedLen = rtcp.protectRtcp(buf, off, len, ssrc, index);
        if (protectedLen < 0) return SrtpResult.MALFORMED;
        state.nextSrtcpIndex = (index + 1) & 0x7fffffff;
        return protectedLen;
    }

    public int protectRtcp(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
        if (dst.length - dstOff < len) return SrtpResult.MALFORMED;
        System.arraycopy(src, srcOff, dst, dstOff, len);
        return protectRtcp(dst, dstOff, len);
    }
}
