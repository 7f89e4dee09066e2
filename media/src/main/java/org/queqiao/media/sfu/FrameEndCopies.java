package org.queqiao.media.sfu;

/**
 * Whether a subscriber gets a second copy of each frame's last packet (ADR 0009 §16): while its receiver reports
 * show video loss, unless the copies themselves made it worse.
 *
 * <p>Why the last packet: a receiver learns of a lost packet from the next one, and NACKs it. Within a frame the
 * next one follows at once; after a frame's last packet it comes with the next frame, a frame interval later
 * (50 ms at 20 frames a second; a 180p frame is often one packet, so every loss is such a loss). With the NACK's
 * round trip on top, and again when the resend is lost too, that frame and the frames that refer to it miss their
 * turn in the jitter buffer: the picture freezes. A copy sent right behind the packet needs no NACK at all.
 *
 * <p>Why only with loss: the copy costs a packet per frame (doubling a one-packet-per-frame layer), so it is sent
 * only where reports show loss ({@link #ON_AT_LOSS} over a {@link #WINDOW_NANOS} window), and kept on until they
 * have shown none for {@link #HOLD_NANOS}, so that it does not flap with each report.
 *
 * <p>Why it turns itself off: loss from a full link (a queue overflowing) grows with what we send, random loss (a
 * radio link) does not, and loss reports cannot tell which it is. On three pages behind one 1.5 Mbit/s link, copies
 * kept on took the loss from 5 % to 35 %; where loss is random they lower it (they repair frame ends before a report
 * counts them). A full link shows as a queue standing in the subscriber's transport-wide feedback (ADR 0009 §17),
 * or, for a subscriber without it, in a REMB far below what we send: either stops the copies
 * ({@link #onOveruse}). And each time they go on it is a trial: the loss of every window while they are on is
 * compared with the lowest of the last windows without them; if it doubled, they stop. Either way they are tried
 * again only after a back-off that doubles each time (behind a link shared with other subscribers, one's copies
 * raise everyone's loss). The router sends copies only to subscribers with transport-wide feedback
 * ({@link DownlinkFit#copiesFrameEnds}): REMB and the trial alone did not hold a shared full link safe in every run.
 *
 * <p>Reports arrive on the subscriber's reader thread (the only writer); packets on the publishers', hence volatile.
 */
final class FrameEndCopies {
    /** The mean loss over a window (fraction of packets, before repair) from which the copies are tried. */
    static final double ON_AT_LOSS = 0.02;
    /** Reports are judged by their mean over windows this long: libwebrtc sends one with every NACK, many a second. */
    static final long WINDOW_NANOS = 2_000_000_000L;
    /** After the copies go on or off, reports still count packets sent before: they are left out this long. */
    static final long SETTLE_NANOS = 1_500_000_000L;
    /** The copies stay on until the loss has stayed under {@link #ON_AT_LOSS} this long. */
    static final long HOLD_NANOS = 10_000_000_000L;
    static final long FIRST_BACK_OFF_NANOS = 20_000_000_000L;
    static final long MAX_BACK_OFF_NANOS = 320_000_000_000L;
    /**
     * How many windows without copies a trial's reference is the lowest of (30 s). Behind a link shared with other
     * subscribers, the window just before a trial may hold the loss their copies caused; held against that, a
     * trial never sees its own.
     */
    static final int REFERENCE_WINDOWS = 15;

    private volatile boolean on;
    private volatile long lastReportNanos;
    private boolean started;
    private long windowStartNanos;
    private double sum;
    private int count;
    /** The lowest mean loss of the recent windows without copies when they went on: what the trial is held against. */
    private double lossWithout;
    private double lastMean;
    /** The means of the last windows without copies ({@link #recentAt} of them so far): a trial is held against the lowest. */
    private final double[] recentWithout = new double[REFERENCE_WINDOWS];
    private int recentAt;
    private long lastLossyNanos;
    private boolean backingOff;
    private long retryAtNanos;
    private long backOffNanos = FIRST_BACK_OFF_NANOS;

    /** A receiver report's video loss (the mean fraction over its blocks for the video we forward). */
    void onLoss(double fraction, long nowNanos) {
        lastReportNanos = nowNanos;
        if (!started) {
            started = true;
            windowStartNanos = nowNanos;
        }
        if (nowNanos - windowStartNanos < 0) return; // settling after a switch
        sum += fraction;
        count++;
        if (nowNanos - windowStartNanos < WINDOW_NANOS) return;
        double mean = lastMean = sum / count;
        sum = 0;
        count = 0;
        windowStartNanos = nowNanos;
        if (!on) {
            recentWithout[recentAt++ % REFERENCE_WINDOWS] = mean;
            if (mean < ON_AT_LOSS || (backingOff && nowNanos - retryAtNanos < 0)) return;
            lossWithout = lowestRecent();
            lastLossyNanos = nowNanos;
            switchTo(true, nowNanos);
        } else if (mean > 2 * lossWithout + 0.05) { // the loss grew with the copies: doubled and five points more
            backOff(nowNanos);
        } else if (mean >= ON_AT_LOSS) {
            lastLossyNanos = nowNanos;
        } else if (nowNanos - lastLossyNanos >= HOLD_NANOS) {
            switchTo(false, nowNanos);
        }
    }

    /**
     * The subscriber's downlink is overused: a queue stands in its transport-wide feedback, or its REMB is far below
     * what we send it.
     * Copies would add to that queue, whatever the loss: they stop, or are not tried, until a back-off.
     */
    void onOveruse(long nowNanos) {
        if (!on && lastMean < ON_AT_LOSS) return; // no loss, nothing to hold off (REMB is noisy on busy receivers)
        if (on || !backingOff || nowNanos - retryAtNanos >= 0) backOff(nowNanos);
    }

    private void backOff(long nowNanos) {
        backingOff = true;
        retryAtNanos = nowNanos + backOffNanos;
        backOffNanos = Math.min(MAX_BACK_OFF_NANOS, 2 * backOffNanos);
        if (on) switchTo(false, nowNanos);
    }

    private double lowestRecent() {
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < Math.min(recentAt, REFERENCE_WINDOWS); i++) lowest = Math.min(lowest, recentWithout[i]);
        return lowest;
    }

    private void switchTo(boolean copies, long nowNanos) {
        on = copies;
        windowStartNanos = nowNanos + SETTLE_NANOS;
    }

    /** Any thread. A subscriber that stopped reporting gets no copies after the hold. */
    boolean on(long nowNanos) { return on && nowNanos - lastReportNanos < HOLD_NANOS; }
}
