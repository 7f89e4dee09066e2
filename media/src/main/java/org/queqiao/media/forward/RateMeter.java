package org.queqiao.media.forward;

/**
 * Bits per second over the last second, counted in ten 100 ms slots: how fast a simulcast layer arrives
 * from its publisher, or how fast we send to one subscriber. Written on the packet path, read by the
 * router's timer; synchronized (uncontended, and it allocates nothing).
 */
public final class RateMeter {
    private static final int SLOTS = 10;
    private static final long SLOT_NANOS = 100_000_000L;

    private final long[] bytes = new long[SLOTS];
    /** The slot number (time / SLOT_NANOS) each entry of {@link #bytes} counts for. */
    private final long[] slotOf = new long[SLOTS];

    public synchronized void add(int length, long nowNanos) {
        long slot = nowNanos / SLOT_NANOS;
        int i = (int) Math.floorMod(slot, SLOTS);
        if (slotOf[i] != slot) {
            slotOf[i] = slot;
            bytes[i] = 0;
        }
        bytes[i] += length;
    }

    /** The rate over the ten slots up to now (the current one partly filled), in bits per second. */
    public synchronized long bitsPerSecond(long nowNanos) {
        long slot = nowNanos / SLOT_NANOS;
        long sum = 0;
        for (int i = 0; i < SLOTS; i++) if (slot - slotOf[i] < SLOTS && slotOf[i] <= slot) sum += bytes[i];
        return sum * 8;
    }
}
