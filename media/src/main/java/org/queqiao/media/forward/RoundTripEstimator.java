package org.queqiao.media.forward;

/**
 * The round-trip time to one peer, from the echoes of our reference times (an RR's LSR/DLSR for our SR, or a
 * DLRR for our RRTR): {@code arrival - echoed - held}, in compact NTP units (RFC 3550 §6.4.1, RFC 3611 §4.5).
 * Smoothed like TCP's SRTT (RFC 6298: 7/8 old, 1/8 new) so one late report does not swing the NACK timing.
 * It sets how long the SFU waits before asking again for a packet it NACKed ({@link #retryIntervalMillis}):
 * sooner than a round trip asks for a packet still on its way; much later leaves the receivers' frames stuck.
 *
 * <p>Thread-safe by publication only: one writer (the peer's reader thread), readers see a recent value.
 */
public final class RoundTripEstimator {
    /** Before the first measurement: RFC 4585's "about an RTT" with nothing known, as before we measured. */
    public static final long UNKNOWN_RETRY_MILLIS = LossDetector.DEFAULT_RETRY_INTERVAL_MILLIS;
    static final long MIN_RETRY_MILLIS = 10;
    static final long MAX_RETRY_MILLIS = 500;
    /**
     * How long the SFU keeps asking for a lost packet before giving up on it (and leaving the receivers to a
     * keyframe request, which costs a freeze of seconds on a lossy link): tries are spread over this time
     * rather than counted, so a short round trip does not mean giving up after 50 ms. At 10 % loss each way a
     * try fails 19 % of the time; five fail together once in 4,000 lost packets, which at 1,600 lost packets a
     * minute was one keyframe freeze a minute in a three-page meeting.
     */
    static final long GIVE_UP_AFTER_MILLIS = 300;
    static final int MAX_NACKS = 30;

    /** A measurement above this is a stale echo (a report held across an outage), not a path. */
    static final long MAX_PLAUSIBLE_RTT_MILLIS = 5_000;

    private volatile double smoothedMillis = -1;

    /**
     * One echo: our reference time came back as {@code echoed} after the peer held it {@code held}, and the echo
     * arrived at {@code arrival} (all compact NTP). Echoes of nothing (0, as RFC 3550 writes before any SR) are ignored.
     */
    public void onEcho(int arrival, int echoed, int held) {
        if (echoed == 0) return;
        int rtt = arrival - echoed - held;
        if (rtt < 0) rtt = 0; // clocks round to 1/65536 s; a loopback peer can come out a tick negative
        double millis = (rtt & 0xFFFF_FFFFL) * 1000.0 / 65536;
        if (millis > MAX_PLAUSIBLE_RTT_MILLIS) return;
        double s = smoothedMillis;
        smoothedMillis = s < 0 ? millis : s + (millis - s) / 8;
    }

    /** The smoothed round trip in milliseconds, or -1 before the first echo. */
    public long millis() {
        double s = smoothedMillis;
        return s < 0 ? -1 : Math.round(s);
    }

    /**
     * How long to wait before NACKing a packet again: a round trip and a quarter (the retransmission takes the
     * peer a moment too) plus 5 ms of scheduling, within [10, 500] ms; {@link #UNKNOWN_RETRY_MILLIS} until measured.
     */
    public long retryIntervalMillis() {
        double s = smoothedMillis;
        if (s < 0) return UNKNOWN_RETRY_MILLIS;
        return Math.max(MIN_RETRY_MILLIS, Math.min(MAX_RETRY_MILLIS, Math.round(s * 1.25) + 5));
    }

    /**
     * How many NACKs a lost packet gets: as many as fit in {@link #GIVE_UP_AFTER_MILLIS} at the current retry
     * interval, never fewer than the {@link LossDetector#DEFAULT_MAX_NACKS} it had before we measured, at most
     * {@link #MAX_NACKS}.
     */
    public int maxNacks() {
        long retry = retryIntervalMillis();
        long tries = (GIVE_UP_AFTER_MILLIS + retry - 1) / retry;
        return (int) Math.max(LossDetector.DEFAULT_MAX_NACKS, Math.min(MAX_NACKS, tries));
    }
}
