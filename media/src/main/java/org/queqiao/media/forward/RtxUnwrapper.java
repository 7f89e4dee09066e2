package org.queqiao.media.forward;

import java.util.Arrays;
import org.queqiao.media.rtp.Bytes;
import org.queqiao.media.rtp.RtpPacket;

/**
 * Turns a publisher's RTX packet (RFC 4588 §4), sent in answer to our NACK, back into the original
 * packet in place: original SSRC (from the {@code a=ssrc-group:FID} pairing), original payload type
 * (from the RTX payload type's {@code apt} parameter) and the original sequence number (OSN) read from
 * the first two payload bytes, which are then removed. Padding is dropped: padding-only RTX packets
 * are bandwidth probes, with nothing to unwrap.
 *
 * <p>One per publishing transport; one thread at a time; mappings are changed on that thread.
 */
public final class RtxUnwrapper {
    /** The SSRC is not a known RTX stream, or the payload type has no apt mapping. */
    public static final int NOT_RTX = -1;
    /** An RTX packet without an OSN (a padding-only probe or a truncated packet). */
    public static final int NO_PAYLOAD = -2;

    private final LongIntHashMap originalSsrcs;
    private final byte[] originalPayloadTypes = new byte[128];

    /** @param maxStreams how many RTX streams the transport may announce */
    public RtxUnwrapper(int maxStreams) {
        this.originalSsrcs = new LongIntHashMap(maxStreams);
        Arrays.fill(originalPayloadTypes, (byte) -1);
    }

    /** Pairs an RTX SSRC with its original (the FID group); false when {@code maxStreams} are paired. */
    public boolean addStream(int rtxSsrc, int originalSsrc) {
        return originalSsrcs.put(rtxSsrc & 0xFFFF_FFFFL, originalSsrc);
    }

    public void removeStream(int rtxSsrc) {
        originalSsrcs.remove(rtxSsrc & 0xFFFF_FFFFL);
    }

    /** {@code a=fmtp:<rtxPayloadType> apt=<originalPayloadType>}. */
    public void mapPayloadType(int rtxPayloadType, int originalPayloadType) {
        originalPayloadTypes[rtxPayloadType & 0x7F] = (byte) (originalPayloadType & 0x7F);
    }

    /** Whether a valid RTP packet comes from a paired RTX SSRC. */
    public boolean isRtx(byte[] buf, int off) {
        return originalSsrcs.indexOf(RtpPacket.ssrc(buf, off) & 0xFFFF_FFFFL) >= 0;
    }

    /**
     * Unwraps a valid RTP packet from a paired RTX SSRC in place and returns the original packet's length
     * (it starts at {@code off}), or {@link #NOT_RTX} / {@link #NO_PAYLOAD} leaving the bytes untouched.
     */
    public int unwrap(byte[] buf, int off, int len) {
        int index = originalSsrcs.indexOf(RtpPacket.ssrc(buf, off) & 0xFFFF_FFFFL);
        if (index < 0) {
            return NOT_RTX;
        }
        int originalSsrc = originalSsrcs.valueAt(index);
        int originalPayloadType = originalPayloadTypes[RtpPacket.payloadType(buf, off)];
        if (originalPayloadType < 0) {
            return NOT_RTX;
        }
        int headerLength = RtpPacket.headerLength(buf, off);
        int payloadLength = RtpPacket.payloadLength(buf, off, len);
        if (payloadLength < 2) {
            return NO_PAYLOAD;
        }
        int payload = off + headerLength;
        int originalSequenceNumber = Bytes.u16(buf, payload);
        System.arraycopy(buf, payload + 2, buf, payload, payloadLength - 2);
        RtpPacket.clearPadding(buf, off);
        RtpPacket.setSsrc(buf, off, originalSsrc);
        RtpPacket.setPayloadType(buf, off, originalPayloadType);
        RtpPacket.setSequenceNumber(buf, off, originalSequenceNumber);
        return headerLength + payloadLength - 2;
    }
}
