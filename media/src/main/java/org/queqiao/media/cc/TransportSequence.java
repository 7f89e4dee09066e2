package org.queqiao.media.cc;

import org.queqiao.media.rtp.HeaderExtensions;
import org.queqiao.media.rtp.RtpPacket;

/**
 * Numbers every video RTP packet sent on one transport (a subscriber's BUNDLE connection: media, RTX, copies alike) with
 * the transport-wide sequence number extension and remembers when each left, for {@link StandingQueue} to read
 * against the arrival times the receiver reports.
 *
 * <p>{@link #stamp} runs under the transport's send lock (any forwarding thread), so numbers follow the order
 * packets leave in; {@link #sentMicros} runs on the reader thread. An entry is one long, the number in its top 16
 * bits: a reader that races a writer sees another number and treats the packet as unknown, never a wrong time.
 */
public final class TransportSequence {
    /** Send times kept: at a thousand packets a second, four seconds; feedback comes every 50-100 ms. */
    static final int HISTORY = 4096;
    /** An entry: the number (16 bits), a bit that says the entry was written, the send time in µs (47 bits: 4 years). */
    private static final long WRITTEN = 1L << 47, TIME_MASK = WRITTEN - 1;

    private final int extensionId;
    private final int audioPayloadType;
    private final long[] sent = new long[HISTORY];
    /** Each entry's packet length, for the rate the receiver got ({@link DeliveredRate}). */
    private final short[] lengths = new short[HISTORY];
    private final long originNanos;
    private int next;

    /**
     * {@code audioPayloadType}: packets of this type are not numbered. A NACKed audio packet is sent again as it
     * was (same SSRC and sequence number, so the same SRTP index), and SRTP may carry an index twice only with the
     * same bytes: a new number in the second would be new plaintext under the same key stream. Video is resent
     * as RTX, a new packet with its own index, and numbered like any other.
     */
    public TransportSequence(int extensionId, int audioPayloadType, long nowNanos) {
        this.extensionId = extensionId;
        this.audioPayloadType = audioPayloadType;
        this.originNanos = nowNanos;
    }

    /**
     * Copies the RTP packet to {@code dst} with the next number and records that it leaves now. Returns the copy's
     * length, or -1 (nothing numbered) for audio, or when the packet's extension block cannot take the element or
     * {@code dst} is too small: the caller sends the packet as it was.
     */
    public int stamp(byte[] src, int off, int len, byte[] dst, long nowNanos) {
        if (RtpPacket.payloadType(src, off) == audioPayloadType) return -1;
        int number = next;
        int n = HeaderExtensions.copyWithElement(src, off, len, dst, 0, extensionId, number);
        if (n < 0) return -1;
        lengths[number & HISTORY - 1] = (short) n;
        sent[number & HISTORY - 1] = (long) number << 48 | WRITTEN | (nowNanos - originNanos) / 1_000 & TIME_MASK;
        next = number + 1 & 0xFFFF;
        return n;
    }

    /** The length the packet numbered {@code number} left with (its RTP bytes), or -1 if no longer known. */
    public int length(int number) {
        int at = number & HISTORY - 1;
        int length = lengths[at] & 0xFFFF;
        return sent[at] >>> 48 == number && (sent[at] & WRITTEN) != 0 ? length : -1;
    }

    /** When the packet numbered {@code number} left, in microseconds of this sequence's clock, or -1 if no longer known. */
    public long sentMicros(int number) {
        long entry = sent[number & HISTORY - 1];
        return entry >>> 48 == number && (entry & WRITTEN) != 0 ? entry & TIME_MASK : -1;
    }
}
