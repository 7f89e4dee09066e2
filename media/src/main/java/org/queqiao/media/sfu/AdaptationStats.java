package org.queqiao.media.sfu;

import java.util.concurrent.atomic.LongAdder;

/**
 * How the router fitted simulcast layers to subscribers' downlinks (ADR 0009 §15), for operators (on
 * {@code /metrics}) and the loss benchmark: how often an estimate fell and on which signal, and how often a
 * subscriber was moved to another layer. Many moves a minute mean a link the estimate keeps probing past.
 */
public final class AdaptationStats {
    /** What made a downlink's estimate fall. */
    public enum Signal { LOSS, REMB }

    private final LongAdder lossFalls = new LongAdder(), rembFalls = new LongAdder();
    private final LongAdder movesUp = new LongAdder(), movesDown = new LongAdder();

    public long falls(Signal signal) { return (signal == Signal.LOSS ? lossFalls : rembFalls).sum(); }

    /** Moves to a higher ({@code up}) or lower layer: for a new view, a layer that stopped, or the downlink. */
    public long moves(boolean up) { return (up ? movesUp : movesDown).sum(); }

    void fell(Signal signal) { (signal == Signal.LOSS ? lossFalls : rembFalls).increment(); }

    void moved(int from, int to) {
        if (to > from) movesUp.increment();
        else if (to < from) movesDown.increment();
    }
}
