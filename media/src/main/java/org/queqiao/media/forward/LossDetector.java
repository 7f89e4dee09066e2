package org.queqiao.media.forward;

import java.util.Arrays;
import org.queqiao.media.rtp.SequenceNumbers;

/**
 * Finds the packets a publisher's stream lost on the way to us, so that the SFU NACKs them itself
 * (RFC 4585 §6.2.1) and one lossy uplink does not hurt every subscriber.
 *
 * <p>It tracks the highest extended sequence number; a forward gap marks the skipped numbers missing,
 * and a late arrival (reordered, or the RTX answer to a NACK) clears its mark. {@link #poll} returns the
 * missing numbers that are due: first {@code firstNackDelayMillis} after the gap was seen (a short wait
 * lets mild reordering settle), then again every {@code retryIntervalMillis} (about an RTT), up to
 * {@code maxNacks} times, after which the packet is given up.
 *
 * <p>Memory is bounded by the window: a ring of {@code windowSize} slots indexed by sequence number. A
 * mark that falls out of the window is given up. A forward jump larger than {@code maxGap} is a stream
 * reset or an outage no NACK will repair: state is cleared instead of NACKing thousands of packets. A
 * packet far behind the window is ignored, unless it is followed by its successor, which means the
 * sender restarted its sequence (the resynchronisation rule of RFC 3550 Appendix A.1).
 *
 * <p>One per incoming stream; one thread at a time (the publisher's reader thread); not synchronized.
 */
public final class LossDetector {
    public static final int DEFAULT_WINDOW_SIZE = 1024;
    public static final int DEFAULT_MAX_GAP = 512;
    public static final long DEFAULT_FIRST_NACK_DELAY_MILLIS = 5;
    public static final long DEFAULT_RETRY_INTERVAL_MILLIS = 100;
    public static final int DEFAULT_MAX_NACKS = 5;

    private static final long NONE = -1;

    private final long[] missing;
    private final int[] nacksSent;
    private final long[] dueAtMillis;
    private final int mask;
    private final int maxGap;
    private final long firstNackDelayMillis;
    private int maxNacks;
    private long retryIntervalMillis;

    private boolean started;
    private long highest;
    private int badSequenceNumber = -1;
    private int missingCount;

    private long recovered;
    private long givenUp;
    private long resets;

    public LossDetector() {
        this(DEFAULT_WINDOW_SIZE, DEFAULT_MAX_GAP, DEFAULT_FIRST_NACK_DELAY_MILLIS, DEFAULT_RETRY_INTERVAL_MILLIS,
                DEFAULT_MAX_NACKS);
    }

    /**
     * @param windowSize a power of two up to 32768: how far behind the highest a missing packet is tracked
     * @param maxGap the largest forward jump treated as loss rather than reset; below {@code windowSize}
     */
    public LossDetector(int windowSize, int maxGap, long firstNackDelayMillis, long retryIntervalMillis, int maxNacks) {
        if (windowSize < 2 || windowSize > 32768 || Integer.bitCount(windowSize) != 1) {
            throw new IllegalArgumentException("window size must be a power of two up to 32768, not " + windowSize);
        }
        if (maxGap < 1 || maxGap >= windowSize) {
            throw new IllegalArgumentException("max gap must be in [1, window size), not " + maxGap);
        }
        this.missing = new long[windowSize];
        this.nacksSent = new int[windowSize];
        this.dueAtMillis = new long[windowSize];
        this.mask = windowSize - 1;
        this.maxGap = maxGap;
        this.firstNackDelayMillis = firstNackDelayMillis;
        this.retryIntervalMillis = retryIntervalMillis;
        this.maxNacks = maxNacks;
        Arrays.fill(missing, NONE);
    }

    /**
     * Records the arrival of {@code sequenceNumber} (original or unwrapped RTX). Returns true when it filled
     * a gap: the answer to a NACK, or now and then a packet that was only reordered.
     */
    public boolean onPacket(int sequenceNumber, long nowMillis) {
        sequenceNumber &= 0xFFFF;
        if (!started) {
            restartAt(sequenceNumber);
            return false;
        }
        int delta = SequenceNumbers.delta(sequenceNumber, (int) highest);
        long extended = highest + delta;
        if (delta > maxGap) {
            resets++;
            restartAt(sequenceNumber);
        } else if (delta > 0) {
            for (long s = highest + 1; s < extended; s++) {
                markMissing(s, nowMillis);
            }
            forget(extended);
            highest = extended;
            badSequenceNumber = -1;
        } else if (delta < 0 && -delta <= mask) {
            int slot = (int) extended & mask;
            if (missing[slot] == extended) {
                missing[slot] = NONE;
                missingCount--;
                recovered++;
                return true;
            }
        } else if (delta < 0) {
            if (sequenceNumber == badSequenceNumber) {
                resets++;
                restartAt(sequenceNumber);
            } else {
                badSequenceNumber = sequenceNumber + 1 & 0xFFFF;
            }
        }
        return false;
    }

    private void restartAt(int sequenceNumber) {
        clear();
        started = true;
        // One cycle up, so that no extended number (not even a late one from before) is negative.
        highest = sequenceNumber + SequenceNumbers.MODULUS;
    }

    private void markMissing(long extended, long nowMillis) {
        int slot = (int) extended & mask;
        if (missing[slot] != NONE) {
            givenUp++; // a mark a whole window old
        } else {
            missingCount++;
        }
        missing[slot] = extended;
        nacksSent[slot] = 0;
        dueAtMillis[slot] = nowMillis + firstNackDelayMillis;
    }

    private void forget(long extended) {
        int slot = (int) extended & mask;
        if (missing[slot] != NONE) {
            missing[slot] = NONE;
            missingCount--;
            givenUp++;
        }
    }

    /**
     * Writes the sequence numbers due for a NACK now into {@code out}, oldest first, and returns how
     * many; counts each as one more NACK sent. When {@code out} is full the rest stay due for the next
     * poll. Call it every few tens of milliseconds (and feed the result to
     * {@link org.queqiao.media.rtp.Nack#write}).
     */
    public int poll(long nowMillis, int[] out) {
        if (missingCount == 0) {
            return 0;
        }
        int count = 0;
        int windowSize = mask + 1;
        int start = (int) (highest + 1) & mask;
        for (int i = 0; i < windowSize && count < out.length; i++) {
            int slot = start + i & mask;
            long s = missing[slot];
            if (s == NONE || dueAtMillis[slot] > nowMillis) {
                continue;
            }
            out[count++] = (int) s & 0xFFFF;
            if (++nacksSent[slot] >= maxNacks) {
                missing[slot] = NONE;
                missingCount--;
                givenUp++;
            } else {
                dueAtMillis[slot] = nowMillis + retryIntervalMillis;
            }
        }
        return count;
    }

    /** Follow the RTT: a retry sooner than an RTT asks for a packet that is still on its way. */
    public void setRetryIntervalMillis(long retryIntervalMillis) {
        this.retryIntervalMillis = retryIntervalMillis;
    }

    /** How many NACKs a packet gets before it is given up; marks already counting keep their count. */
    public void setMaxNacks(int maxNacks) {
        if (maxNacks < 1) throw new IllegalArgumentException("at least one NACK, not " + maxNacks);
        this.maxNacks = maxNacks;
    }

    /** Packets currently marked missing. */
    public int missingCount() {
        return missingCount;
    }

    /** Missing packets that arrived later (reordered or retransmitted). */
    public long recovered() {
        return recovered;
    }

    /** Missing packets NACKed {@code maxNacks} times, or pushed out of the window, without arriving. */
    public long givenUp() {
        return givenUp;
    }

    /** Jumps and restarts that cleared the state. */
    public long resets() {
        return resets;
    }

    public void clear() {
        Arrays.fill(missing, NONE);
        missingCount = 0;
        badSequenceNumber = -1;
        started = false;
    }
}
