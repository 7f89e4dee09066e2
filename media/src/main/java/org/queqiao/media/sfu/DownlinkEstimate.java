package org.queqiao.media.sfu;

/**
 * How much a subscriber's downlink carries, from what its browser reports (ADR 0009 §15): the loss in its
 * receiver reports, as Google congestion control's loss-based controller reads it, a queue standing on the way
 * (§17, from transport-wide feedback), and its REMB when that says the link is overused. The simulcast layers it
 * gets are chosen to fit ({@link LayerAllocator}).
 *
 * <p>A receiving browser's REMB is its delay-based estimate, which never rises much above what it receives
 * (libwebrtc clamps it to 1.5 × the incoming rate): taken as the budget, it would keep a subscriber on the
 * layer it started with. It is trusted only when it falls far below what we send ({@link #OVERUSE_REMB});
 * upward the estimate grows by itself while the loss stays low, and moving up a layer is the probe.
 *
 * <p>Reader thread (reports) and timer thread (the allocation): synchronized.
 */
final class DownlinkEstimate {
    /** Before any report: enough for a few cameras at their middle layer and one at its top (the client's layers are 150k/500k/1.5M). */
    static final long INITIAL_BPS = 3_000_000;
    static final long MIN_BPS = 150_000;
    /** Loss above which the estimate falls (by half the loss), and below which it grows (GCC's thresholds). */
    static final double HIGH_LOSS = 0.10, LOW_LOSS = 0.02;
    /** Growth while the loss is low: 8 % a second at most. */
    static final double GROWTH_PER_SECOND = 0.08;
    /**
     * A REMB below half of what we send means overuse the browser is sure of. Chrome's receive-side estimate
     * (no abs-send-time: it times frames by their RTP timestamps) is noisy where the receiver is short of CPU:
     * on a clean loopback meeting at load 5-7 on 2 cores, 33 % of its REMBs were below 90 % of what we sent,
     * 2.3 % below 60 %, one in 690 below 50 %. Trusted at 90 %, it moved receivers to lower layers every few
     * seconds on a link with no loss. Real overuse at twice the link rate reads about 0.42 (0.85 × the link);
     * milder overuse fills the queue and shows as loss.
     */
    static final double OVERUSE_REMB = 0.5;
    /**
     * At most one fall per this time: a browser reports each received stream on its own, about once a
     * second each, and several reports of the same loss must not cut the estimate several times over.
     */
    static final long FALL_INTERVAL_NANOS = 1_000_000_000L;
    /**
     * After a fall the estimate stays below the rate that failed for this long, doubled each time a new try
     * above it fails soon after (to {@link #MAX_HOLD_NANOS}): without it, three receivers behind one
     * narrow link moved up, congested it and fell back about once a second, each move costing a keyframe.
     */
    static final long MIN_HOLD_NANOS = 4_000_000_000L, MAX_HOLD_NANOS = 64_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private long bps = INITIAL_BPS;
    private long lastReportNanos;
    private boolean reported;
    private long lastFallNanos;
    private boolean fallen;
    /** What we were sending when the estimate last fell, and until when growth stays below it. */
    private long failedBps;
    private long holdUntilNanos;
    private long holdNanos = MIN_HOLD_NANOS;
    /** When a standing queue was last reported, if ever: no growth for a second after. */
    private boolean queued;
    private long lastQueueNanos;

    synchronized long bps() { return bps; }

    /**
     * A receiver report's loss (the mean fraction over the video streams it reports, 0..1), what we sent over
     * the last second, and the most the subscriber could use ({@code ceiling}: what its views want, with room
     * to move up), past which the estimate does not grow. A fall starts from what was sent, not from an
     * estimate above it that was never tried. Returns whether it fell.
     */
    synchronized boolean onLoss(double fraction, long sentBps, long ceiling, long nowNanos) {
        boolean fell = false;
        if (fraction > HIGH_LOSS) {
            if (sentBps > 0 && (!fallen || nowNanos - lastFallNanos >= FALL_INTERVAL_NANOS)) {
                fall((long) (Math.min(bps, sentBps) * (1 - 0.5 * fraction)), sentBps, nowNanos);
                fell = true;
            }
        } else if (fraction < LOW_LOSS && (!queued || nowNanos - lastQueueNanos >= NO_GROWTH_AFTER_QUEUE_NANOS)) {
            long elapsed = reported ? Math.min(SECOND, nowNanos - lastReportNanos) : SECOND;
            long limit = Math.max(ceiling, MIN_BPS);
            if (nowNanos - holdUntilNanos < 0) limit = Math.min(limit, Math.max(bps, failedBps));
            bps = Math.max(Math.min(bps, limit), Math.min((long) (bps * (1 + GROWTH_PER_SECOND * elapsed / SECOND)), limit));
        }
        lastReportNanos = nowNanos;
        reported = true;
        return fell;
    }

    /** GCC's decrease on delay-based overuse: to this share of what the link delivered. */
    static final double OVERUSE_FACTOR = 0.85;
    /** No growth this long after a standing queue: growing into a queue only deepens it. */
    static final long NO_GROWTH_AFTER_QUEUE_NANOS = 1_000_000_000L;

    /**
     * A queue stands on the way (ADR 0009 §17): we send more than the link carries. The estimate falls to
     * {@link #OVERUSE_FACTOR} of what the link delivered over the last second ({@code deliveredBps}, from the
     * receiver's feedback; -1 when not known yet: what we sent), at most once per {@link #FALL_INTERVAL_NANOS} like
     * a fall on loss (a lower layer is switched to at its next keyframe: falling again before that only digs deeper;
     * falls every 400 ms gave more keyframes and more freezes behind a full link), and does not grow for a second.
     * Returns whether it fell.
     */
    synchronized boolean onQueue(long sentBps, long deliveredBps, long nowNanos) {
        queued = true;
        lastQueueNanos = nowNanos;
        long carried = deliveredBps > 0 ? Math.min(sentBps, deliveredBps) : sentBps;
        if (carried <= 0 || fallen && nowNanos - lastFallNanos < FALL_INTERVAL_NANOS) return false;
        fall((long) (Math.min(bps, carried) * OVERUSE_FACTOR), sentBps, nowNanos);
        return true;
    }

    /** The browser's REMB, and what we sent it over the last second; returns whether the estimate fell. */
    synchronized boolean onRemb(long rembBps, long sentBps, long nowNanos) {
        if (rembBps >= sentBps * OVERUSE_REMB || rembBps >= bps) return false;
        fall(rembBps, sentBps, nowNanos);
        return true;
    }

    private void fall(long to, long sentBps, long nowNanos) {
        if (fallen && nowNanos - holdUntilNanos >= 0) {
            // a fall after the hold ended: the try above the failed rate failed again soon, or the link changed long after
            holdNanos = nowNanos - holdUntilNanos < 2 * holdNanos ? Math.min(MAX_HOLD_NANOS, 2 * holdNanos) : MIN_HOLD_NANOS;
        }
        bps = Math.max(MIN_BPS, to);
        failedBps = sentBps;
        holdUntilNanos = nowNanos + holdNanos;
        lastFallNanos = nowNanos;
        fallen = true;
    }
}
