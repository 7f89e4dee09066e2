package org.queqiao.media.forward;

/**
 * Rate-limits keyframe requests (PLI or FIR) sent upstream to the publisher of one video stream: at most
 * one per interval (ADR 0009: 500 ms), however many subscribers ask. A keyframe costs the publisher a
 * burst of bitrate; a storm of PLIs from a large meeting must not turn into a storm of keyframes.
 *
 * <p>Merging: a request inside the interval is not dropped but remembered. Once the interval has passed,
 * {@link #pollPending} (called by the router's timer) says to send one request for all remembered ones,
 * so that a subscriber who asked just after another still gets a keyframe, at the latest one interval
 * later. A keyframe arriving from the publisher ({@link #onKeyframe}) satisfies the remembered requests:
 * every subscriber of the stream receives it.
 *
 * <p>It also owns the stream's FIR sequence number (RFC 5104 §4.3.1.2), incremented per new request.
 * One per publisher media stream; one thread at a time; not synchronized.
 */
public final class KeyframeRequestLimiter {
    public static final long DEFAULT_MIN_INTERVAL_MILLIS = 500;

    private final long minIntervalMillis;
    private boolean sentBefore;
    private long lastSentMillis;
    private boolean pending;
    private int firSequenceNumber;
    private long sent;
    private long merged;

    public KeyframeRequestLimiter() {
        this(DEFAULT_MIN_INTERVAL_MILLIS);
    }

    public KeyframeRequestLimiter(long minIntervalMillis) {
        this.minIntervalMillis = minIntervalMillis;
    }

    /**
     * A subscriber (or the router, for a new subscriber) asks for a keyframe. Returns true when the
     * request is to be sent upstream now; false when it was merged into a later one.
     */
    public boolean request(long nowMillis) {
        if (mayRequest(nowMillis)) {
            markSent(nowMillis);
            return true;
        }
        pending = true;
        merged++;
        return false;
    }

    /** True once, when merged requests are waiting and the interval has passed: send one request now. */
    public boolean pollPending(long nowMillis) {
        if (pending && mayRequest(nowMillis)) {
            markSent(nowMillis);
            return true;
        }
        return false;
    }

    /** The publisher sent a keyframe: requests waiting for one are satisfied. */
    public void onKeyframe() {
        pending = false;
    }

    private boolean mayRequest(long nowMillis) {
        return !sentBefore || nowMillis - lastSentMillis >= minIntervalMillis;
    }

    private void markSent(long nowMillis) {
        sentBefore = true;
        lastSentMillis = nowMillis;
        pending = false;
        sent++;
    }

    /**
     * The sequence number for a FIR about to be sent, 0–255: a new number per new request, as RFC 5104
     * §4.3.1.2 requires. Call it only when a FIR (not a PLI) actually goes out.
     */
    public int nextFirSequenceNumber() {
        int number = firSequenceNumber;
        firSequenceNumber = firSequenceNumber + 1 & 0xFF;
        return number;
    }

    public boolean hasPending() {
        return pending;
    }

    /** Requests sent upstream. */
    public long sent() {
        return sent;
    }

    /** Requests merged into another one instead of being sent. */
    public long merged() {
        return merged;
    }
}
