package org.queqiao.media.cc;

import org.queqiao.media.forward.RateMeter;
import org.queqiao.media.rtp.TransportFeedback;

/**
 * The rate a subscriber's downlink delivered, from its transport-wide feedback: the bytes of the packets it got
 * over the last second of their arrival times (its clock). Under congestion this is what the link carries, while
 * what we send includes what the queue dropped: GCC's delay-based decrease starts from it.
 *
 * <p>Reader thread only, like {@link StandingQueue}.
 */
public final class DeliveredRate implements TransportFeedback.Visitor {
    private static final long SECOND_MICROS = 1_000_000;

    private final TransportSequence sequence;
    private final RateMeter meter = new RateMeter();
    private boolean started;
    private long firstMicros, lastMicros;

    public DeliveredRate(TransportSequence sequence) { this.sequence = sequence; }

    @Override
    public void received(int number, long arrivalMicros) {
        int length = sequence.length(number);
        if (length < 0) return;
        if (!started || arrivalMicros < firstMicros - SECOND_MICROS) { // the first, or a clock that jumped back
            started = true;
            firstMicros = lastMicros = arrivalMicros;
        }
        lastMicros = Math.max(lastMicros, arrivalMicros);
        meter.add(length, (arrivalMicros - firstMicros + SECOND_MICROS) * 1_000); // kept positive for the meter's slots
    }

    @Override
    public void lost(int number) {}

    /** Bits per second delivered over the last second of arrivals, or -1 before a second of them. */
    public long bitsPerSecond() {
        if (!started || lastMicros - firstMicros < SECOND_MICROS) return -1;
        return meter.bitsPerSecond((lastMicros - firstMicros + SECOND_MICROS) * 1_000);
    }
}
