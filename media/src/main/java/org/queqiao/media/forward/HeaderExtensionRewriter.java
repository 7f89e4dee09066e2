package org.queqiao.media.forward;

import org.queqiao.media.rtp.HeaderExtensions;
import org.queqiao.media.rtp.RtpPacket;

/**
 * Rewrites RTP header extension ids in place from a publisher's negotiated ids to a subscriber's
 * ({@code a=extmap}, RFC 8285 §5). Extensions the subscriber did not negotiate, and those never forwarded
 * (ADR 0009: {@code sdes:mid}), are unmapped and their elements are overwritten with padding, so the
 * packet keeps its length and no copy is needed.
 *
 * <p>One per (publisher, subscriber) pair, or shared by pairs with the same extension maps; the table is
 * 256 bytes. Changed and used on one thread at a time.
 */
public final class HeaderExtensionRewriter {
    private final byte[] idMap = new byte[256];

    public HeaderExtensionRewriter map(int publisherId, int subscriberId) {
        idMap[publisherId & 0xFF] = (byte) subscriberId;
        return this;
    }

    /** The publisher's extension with this id is not forwarded. */
    public HeaderExtensionRewriter drop(int publisherId) {
        idMap[publisherId & 0xFF] = 0;
        return this;
    }

    /**
     * Rewrites a valid RTP packet's extension ids. Returns the number of elements kept; 0 for a packet
     * without extensions; -1 when the extension block is not RFC 8285 or is malformed (forward it or drop
     * it, the bytes before the fault are rewritten already).
     */
    public int rewrite(byte[] buf, int off, int len) {
        if (!RtpPacket.hasExtension(buf, off)) {
            return 0;
        }
        return HeaderExtensions.rewriteIds(buf, off, len, idMap);
    }
}
