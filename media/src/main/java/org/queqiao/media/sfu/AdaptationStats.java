package org.queqiao.media.sfu;

import java.util.concurrent.atomic.LongAdder;

/**
 * How the router fitted simulcast layers to subscribers' downlinks (ADR 0009 §15), for operators (on
 * {@code /metrics}) and the loss benchmark: how often an estimate fell and on which signal, how often a subscriber was
 * moved to another layer (many moves a minute mean a link the estimate keeps probing past), and the queues that stood
 * on subscribers' downlinks, interval by interval (§17).
 */
public final class AdaptationStats {
    /** What made a downlink's estimate fall. */
    public enum Signal { LOSS, REMB, QUEUE }

    /** Upper bounds (µs) of the buckets the standing queues of judged intervals are counted in (ADR 0009 §17). */
    public static final long[] QUEUE_BOUNDS_MICROS = {2_000, 5_000, 10_000, 20_000, 40_000, 80_000, Long.MAX_VALUE};

    private final LongAdder[] falls = new LongAdder[Signal.values().length];
    private final LongAdder[] queues = new LongAdder[QUEUE_BOUNDS_MICROS.length];
    private final LongAdder movesUp = new LongAdder(), movesDown = new LongAdder();

    {
        for (int i = 0; i < falls.length; i++) falls[i] = new LongAdder();
        for (int i = 0; i < queues.length; i++) queues[i] = new LongAdder();
    }

    public long falls(Signal signal) { return falls[signal.ordinal()].sum(); }

    /** How many judged intervals had a standing queue up to {@code QUEUE_BOUNDS_MICROS[bucket]} (and above the bucket before). */
    public long queues(int bucket) { return queues[bucket].sum(); }

    /** Moves to a higher ({@code up}) or lower layer: for a new view, a layer that stopped, or the downlink. */
    public long moves(boolean up) { return (up ? movesUp : movesDown).sum(); }

    void fell(Signal signal) { falls[signal.ordinal()].increment(); }

    void queued(long standingMicros) {
        int i = 0;
        while (standingMicros > QUEUE_BOUNDS_MICROS[i]) i++;
        queues[i].increment();
    }

    void moved(int from, int to) {
        if (to > from) movesUp.increment();
        else if (to < from) movesDown.increment();
    }
}
