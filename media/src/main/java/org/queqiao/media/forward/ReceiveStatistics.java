package org.queqiao.media.forward;

import org.queqiao.media.rtp.ReportBlock;

/**
 * Reception statistics of one incoming stream, as RFC 3550 defines them for the report blocks the SFU
 * sends to publishers: extended highest sequence number and the resynchronisation rule (Appendix A.1),
 * cumulative and fraction lost (A.3), interarrival jitter (A.8), and LSR/DLSR from the last sender
 * report (§6.4.1).
 *
 * <p>Repairs (unwrapped RTX, or a NACKed packet resent as it was) count as received, so the cumulative loss
 * reported is what remains after repair, but are left out of the jitter: their arrival time says nothing
 * about the path's variation. The fraction lost is the loss after repair too, unless the stream was made
 * with {@link FractionLost#BEFORE_REPAIR}: audio's, whose publisher reads the two fields for different ends
 * (ADR 0009 §11).
 *
 * <p>One per incoming stream; one thread at a time (the publisher's reader thread); not synchronized.
 */
public final class ReceiveStatistics {
    /** RFC 3550 Appendix A.1: jumps up to this far ahead are in order. */
    private static final int MAX_DROPOUT = 3000;
    /** RFC 3550 Appendix A.1: packets up to this far behind are reordered, not a restart. */
    private static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    /** What a report block's fraction lost tells; its cumulative count is always the loss after repair. */
    public enum FractionLost {
        /** Packets still missing after repair: what a bandwidth estimate should react to. */
        AFTER_REPAIR,
        /**
         * Packets the publisher's link lost, repaired or not. libwebrtc sizes Opus in-band FEC by an audio
         * block's fraction lost and feeds only the cumulative counts to its bandwidth estimate, so this keeps
         * FEC on for the subscribers' hop without telling the estimate that the path is losing packets for good.
         */
        BEFORE_REPAIR
    }

    private final int ssrc;
    private final int clockRate;
    private final FractionLost fraction;

    private boolean started;
    private int maxSequenceNumber;
    private long cycles;
    private long baseSequenceNumber;
    private int badSequenceNumber = SEQ_MOD + 1;
    private long received;
    private long repaired;
    private long expectedPrior;
    private long receivedPrior;
    private long repairedPrior;

    private boolean jitterStarted;
    private long lastArrivalNanos;
    private int lastRtpTimestamp;
    /** Jitter in timestamp units times 16, as the integer form of A.8 keeps it. */
    private long jitterQ4;

    private boolean senderReportSeen;
    private int lastSenderReport;
    private long lastSenderReportArrivalMillis;

    public ReceiveStatistics(int ssrc, int clockRate) {
        this(ssrc, clockRate, FractionLost.AFTER_REPAIR);
    }

    public ReceiveStatistics(int ssrc, int clockRate, FractionLost fraction) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, not " + clockRate);
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.fraction = fraction;
    }

    /**
     * Records a packet, {@code repair} when it came because we asked for it. Returns false when it was not
     * counted: a big jump waiting for confirmation by its successor (A.1), which then resynchronises the
     * statistics.
     */
    public boolean onPacket(int sequenceNumber, int rtpTimestamp, long nowNanos, boolean repair) {
        sequenceNumber &= 0xFFFF;
        if (!started) {
            restartAt(sequenceNumber);
        } else {
            int udelta = sequenceNumber - maxSequenceNumber & 0xFFFF;
            if (udelta < MAX_DROPOUT) {
                if (sequenceNumber < maxSequenceNumber) {
                    cycles += SEQ_MOD; // wrapped
                }
                maxSequenceNumber = sequenceNumber;
            } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
                if (sequenceNumber != badSequenceNumber) {
                    badSequenceNumber = sequenceNumber + 1 & 0xFFFF;
                    return false;
                }
                restartAt(sequenceNumber); // two in a row: the sender restarted
            }
            // else: a duplicate or a reordered packet, counted but not moving the maximum
        }
        received++;
        if (repair) {
            repaired++;
        } else {
            updateJitter(rtpTimestamp, nowNanos);
        }
        return true;
    }

    private void restartAt(int sequenceNumber) {
        started = true;
        maxSequenceNumber = sequenceNumber;
        cycles = 0;
        baseSequenceNumber = sequenceNumber;
        badSequenceNumber = SEQ_MOD + 1;
        received = 0;
        repaired = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        repairedPrior = 0;
    }

    private void updateJitter(int rtpTimestamp, long nowNanos) {
        if (jitterStarted) {
            long arrivalDelta = (nowNanos - lastArrivalNanos) * clockRate / 1_000_000_000L;
            long d = Math.abs(arrivalDelta - (rtpTimestamp - lastRtpTimestamp));
            // Like libwebrtc, ignore differences over 5 s: a paused source or a timestamp jump, not jitter.
            if (d <= 5L * clockRate) {
                jitterQ4 += d - (jitterQ4 + 8 >> 4);
            }
        }
        jitterStarted = true;
        lastArrivalNanos = nowNanos;
        lastRtpTimestamp = rtpTimestamp;
    }

    /** Records a sender report's compact NTP timestamp ({@code SenderReport.compactNtp}) and its arrival. */
    public void onSenderReport(int compactNtp, long nowMillis) {
        senderReportSeen = true;
        lastSenderReport = compactNtp;
        lastSenderReportArrivalMillis = nowMillis;
    }

    public int ssrc() {
        return ssrc;
    }

    public boolean hasReceived() {
        return started;
    }

    /** Cycles (count of wraps, times 65536) plus the highest sequence number received. */
    public long extendedHighestSequenceNumber() {
        return cycles + maxSequenceNumber;
    }

    public long packetsReceived() {
        return received;
    }

    public long expected() {
        return extendedHighestSequenceNumber() - baseSequenceNumber + 1;
    }

    /** Expected minus received; negative when duplicates outnumber losses (A.3). */
    public long cumulativeLost() {
        return started ? expected() - received : 0;
    }

    /** Interarrival jitter in RTP timestamp units. */
    public long jitter() {
        return jitterQ4 >> 4;
    }

    /**
     * Writes this stream's report block and starts a new interval for the fraction lost. Returns
     * {@link ReportBlock#LENGTH}, or 0 (writing nothing) before the first packet.
     */
    public int writeReportBlock(byte[] buf, int off, long nowMillis) {
        if (!started) {
            return 0;
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        if (fraction == FractionLost.BEFORE_REPAIR) receivedInterval -= repaired - repairedPrior;
        long lostInterval = expectedInterval - receivedInterval;
        expectedPrior = expected;
        receivedPrior = received;
        repairedPrior = repaired;
        int fractionLost = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        int lsr = senderReportSeen ? lastSenderReport : 0;
        // DLSR in 1/65536 s; 0 when no SR was received (§6.4.1).
        long dlsr = senderReportSeen ? (nowMillis - lastSenderReportArrivalMillis) * 65536 / 1000 : 0;
        return ReportBlock.write(buf, off, ssrc, Math.min(fractionLost, 255), cumulativeLost(),
                (int) extendedHighestSequenceNumber(), jitter(), lsr, dlsr);
    }
}
