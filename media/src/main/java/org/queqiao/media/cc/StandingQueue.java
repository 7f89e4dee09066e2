package org.queqiao.media.cc;

import java.util.Arrays;
import org.queqiao.media.rtp.TransportFeedback;

/**
 * Tells from transport-wide feedback whether a queue stands on the way to a subscriber: the sign of a link we fill,
 * which loss reports cannot tell from random loss (a radio, a lossy hop) because both lose packets.
 *
 * <p>Each reported packet's one-way delay is its arrival (the receiver's clock) minus when it left (ours); the two
 * clocks differ by an unknown constant, so only the delay above the lowest seen lately ({@link #BASE_MICROS})
 * counts: the time the packet spent queued. Like CoDel, the queue is judged by the least queued packet of an
 * interval ({@link #INTERVAL_MICROS} of send time): a burst, or a receiver that read its socket late because its CPU
 * was busy, delays some packets, but a queue that stands delays every one. A standing queue of
 * {@link #QUEUED_MICROS} or more over {@link #INTERVALS} intervals in a row is overuse.
 *
 * <p>Reader thread only (feedback arrives there); send times come from the transport's {@link TransportSequence}.
 */
public final class StandingQueue implements TransportFeedback.Visitor {
    static final long INTERVAL_MICROS = 200_000;
    /** An interval with fewer packets reported says too little to judge. */
    static final int MIN_PACKETS = 4;
    static final long QUEUED_MICROS = 20_000;
    static final int INTERVALS = 2;
    /** The base delay is the lowest of the last 30 s (six buckets of 5 s): long enough that a queue standing for seconds is still seen as one. */
    static final long BASE_MICROS = 30_000_000, BUCKET_MICROS = 5_000_000;
    private static final int BUCKETS = (int) (BASE_MICROS / BUCKET_MICROS);
    /** A delay this far from the base is a clock that jumped (the 24-bit reference time wraps after 12 days): start over. */
    static final long JUMP_MICROS = 10_000_000;

    private final TransportSequence sequence;
    /** Told each judged interval's standing queue (µs), for the operators' histogram. */
    private final java.util.function.LongConsumer judged;
    private final long[] lowest = new long[BUCKETS];
    private long bucket = -1;
    private long intervalStart = -1, intervalLowest;
    private int intervalPackets;
    private int intervalsOver;
    private boolean overuse;
    private long lastStandingMicros = -1;
    private long intervals;

    public StandingQueue(TransportSequence sequence, java.util.function.LongConsumer judged) {
        this.sequence = sequence;
        this.judged = judged;
        Arrays.fill(lowest, Long.MAX_VALUE);
    }

    @Override
    public void received(int number, long arrivalMicros) {
        long sent = sequence.sentMicros(number);
        if (sent < 0) return;
        long delay = arrivalMicros - sent;
        long base = base(delay, sent);
        if (base != Long.MAX_VALUE && Math.abs(delay - base) > JUMP_MICROS) {
            Arrays.fill(lowest, Long.MAX_VALUE);
            intervalStart = -1;
            base = base(delay, sent);
        }
        long queued = delay - base;
        if (intervalStart < 0 || sent - intervalStart >= INTERVAL_MICROS) {
            if (intervalStart >= 0) closeInterval();
            intervalStart = sent;
            intervalLowest = queued;
            intervalPackets = 1;
        } else {
            intervalLowest = Math.min(intervalLowest, queued);
            intervalPackets++;
        }
    }

    @Override
    public void lost(int number) {}

    /** Files the delay in its bucket of send time and returns the lowest of the window. */
    private long base(long delay, long sent) {
        long b = sent / BUCKET_MICROS;
        if (b > bucket) {
            if (bucket < 0 || b - bucket >= BUCKETS) Arrays.fill(lowest, Long.MAX_VALUE);
            else for (long k = bucket + 1; k <= b; k++) lowest[(int) (k % BUCKETS)] = Long.MAX_VALUE;
            bucket = b;
        }
        int at = (int) (Math.max(b, bucket - BUCKETS + 1) % BUCKETS); // a late report of an old bucket's packet counts in the oldest kept
        lowest[at] = Math.min(lowest[at], delay);
        long min = Long.MAX_VALUE;
        for (long v : lowest) min = Math.min(min, v);
        return min;
    }

    private void closeInterval() {
        if (intervalPackets < MIN_PACKETS) return;
        intervals++;
        lastStandingMicros = intervalLowest;
        judged.accept(intervalLowest);
        if (intervalLowest < QUEUED_MICROS) {
            intervalsOver = 0;
        } else if (++intervalsOver >= INTERVALS) {
            intervalsOver = 0;
            overuse = true;
        }
    }

    /** Whether a standing queue was found since the last call (then again only after {@link #INTERVALS} more intervals over). */
    public boolean takeOveruse() {
        boolean was = overuse;
        overuse = false;
        return was;
    }

    /** The standing queue of the last interval judged, in µs, or -1 before the first. */
    public long lastStandingMicros() { return lastStandingMicros; }

    /** How many intervals were judged so far. */
    public long intervals() { return intervals; }
}
