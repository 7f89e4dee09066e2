package org.queqiao.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0 (RFC 3550 §5.1, Appendix A.1).
 */
public final class SequenceNumbers {
    public static final int MODULUS = 1 << 16;

    private SequenceNumbers() {}

    /**
     * {@code a - b} as the shortest signed distance on the 16-bit circle, in [-32768, 32767]:
     * positive when {@code a} is newer than {@code b}.
     */
    public static int delta(int a, int b) {
        return (short) (a - b);
    }

    public static boolean isNewer(int a, int b) {
        return delta(a, b) > 0;
    }

    public static int add(int sequenceNumber, int n) {
        return sequenceNumber + n & 0xFFFF;
    }

    /**
     * Extends a 16-bit sequence number to the extended (cycle-counting) sequence number nearest to
     * {@code referenceExtended}, so that a reordered packet from just before a wrap lands in the
     * previous cycle. The result may be negative only if the reference is in the first cycle.
     */
    public static long extend(int sequenceNumber, long referenceExtended) {
        return referenceExtended + delta(sequenceNumber, (int) referenceExtended);
    }
}
