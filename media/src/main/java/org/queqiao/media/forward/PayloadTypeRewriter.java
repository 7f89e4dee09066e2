package org.queqiao.media.forward;

import java.util.Arrays;
import org.queqiao.media.rtp.RtpPacket;

/**
 * Rewrites RTP payload types in place from a publisher's negotiated values to a subscriber's (ADR 0009:
 * payload types are per peer connection, so the same codec may be 96 for one and 100 for the other).
 * A payload type the subscriber did not negotiate is unmapped, and such packets are to be dropped.
 *
 * <p>One per (publisher, subscriber) pair, or shared by all pairs with the same codec sets; the table is
 * 128 bytes. Changed and used on one thread at a time.
 */
public final class PayloadTypeRewriter {
    private final byte[] table = new byte[128];

    public PayloadTypeRewriter() {
        clear();
    }

    public PayloadTypeRewriter map(int publisherPayloadType, int subscriberPayloadType) {
        table[publisherPayloadType & 0x7F] = (byte) (subscriberPayloadType & 0x7F);
        return this;
    }

    public void clear() {
        Arrays.fill(table, (byte) -1);
    }

    /** The subscriber's payload type for a publisher's, or -1 if the subscriber has none. */
    public int mapped(int publisherPayloadType) {
        return table[publisherPayloadType & 0x7F];
    }

    /** Rewrites a valid RTP packet's payload type; false (packet untouched, to drop) when it is unmapped. */
    public boolean rewrite(byte[] buf, int off) {
        int mapped = table[RtpPacket.payloadType(buf, off)];
        if (mapped < 0) {
            return false;
        }
        RtpPacket.setPayloadType(buf, off, mapped);
        return true;
    }
}
