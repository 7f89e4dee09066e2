package org.queqiao.media.rtp;

/**
 * NTP timestamps (RFC 3550 §4: seconds since 1900 in the high word, the fraction in the low word) for the
 * reports we send, from the monotonic clock: anchored once to the wall clock, then advancing with
 * {@link System#nanoTime}, so that a wall-clock step never makes a round trip negative.
 */
public final class NtpTime {
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;
    private static final long ANCHOR_NANOS = System.nanoTime();
    private static final long ANCHOR_NTP = fromEpochMillis(System.currentTimeMillis());

    private NtpTime() {}

    /** The NTP timestamp of the monotonic instant {@code nanoTime}. */
    public static long of(long nanoTime) {
        return ANCHOR_NTP + fromNanos(nanoTime - ANCHOR_NANOS);
    }

    /** The middle 32 bits: what reports echo (LSR, LRR) and the unit of their delays, 1/65536 s. */
    public static int compact(long ntp) {
        return (int) (ntp >>> 16);
    }

    static long fromEpochMillis(long epochMillis) {
        long seconds = epochMillis / 1000 + SECONDS_1900_TO_1970;
        return seconds << 32 | (epochMillis % 1000 << 32) / 1000;
    }

    private static long fromNanos(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        long rest = nanos % 1_000_000_000L;
        return seconds << 32 | (rest << 32) / 1_000_000_000L;
    }
}
