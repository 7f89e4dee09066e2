package org.queqiao.media.sfu;

import org.queqiao.media.forward.KeyframeRequestLimiter;
import org.queqiao.media.forward.LossDetector;
import org.queqiao.media.forward.PacketCache;
import org.queqiao.media.forward.RateMeter;
import org.queqiao.media.forward.ReceiveStatistics;

/**
 * One RTP stream a publisher sends for a track: the whole track, or one simulcast layer of it (ADR 0009
 * §14). Each has its own SSRC, numbering and loss, so each is NACKed, reported on and asked for
 * keyframes on its own, and keeps its own packets for retransmission.
 *
 * <p>A simulcast layer's SSRC is not in the offer: it is learnt from the first packet that carries the
 * layer's rid. The reader thread sets it; the timer thread reads it, hence volatile. The statistics, the
 * loss detector and the keyframe limiter are touched under the owning stream's lock.
 */
final class Layer {
    /** Not known yet (a simulcast layer before its first packet). */
    static final long UNKNOWN = -1;
    /** A layer that sent nothing for this long is taken for stopped (the browser drops layers it cannot afford). */
    static final long IDLE_NANOS = 1_500_000_000L;

    final IncomingStream stream;
    final int index;
    final String rid;
    final PacketCache cache;
    /**
     * No wait before the first NACK: the router asks the publisher the moment a packet shows a gap
     * ({@link IncomingStream#receive}), as a browser does, rather than at the next 20 ms tick. A reordered packet
     * costs a needless RTX; a lost frame end, which only the next frame reveals, is asked for up to 25 ms sooner.
     */
    final LossDetector loss = new LossDetector(LossDetector.DEFAULT_WINDOW_SIZE, LossDetector.DEFAULT_MAX_GAP, 0,
            LossDetector.DEFAULT_RETRY_INTERVAL_MILLIS, LossDetector.DEFAULT_MAX_NACKS);
    final KeyframeRequestLimiter keyframes;
    /** How fast it arrives: what a subscriber given this layer costs (ADR 0009 §15). */
    final RateMeter rate = new RateMeter();
    /** How fast its frames' last packets and repairs arrive: what copying them to a lossy downlink adds (ADR 0009 §16). */
    private final RateMeter worthCopying = new RateMeter();
    private final int clockRate;
    private final ReceiveStatistics.FractionLost fractionLost;
    private volatile long ssrc = UNKNOWN;
    private volatile long rtxSsrc;
    private ReceiveStatistics stats;
    private volatile long lastPacketNanos;
    /** The height of its last keyframe (VP8 says it), 0 while unknown. */
    private volatile int height;

    Layer(IncomingStream stream, int index, String rid, long ssrc, long rtxSsrc, PacketCache cache, int clockRate, ReceiveStatistics.FractionLost fractionLost,
          long keyframeIntervalMillis) {
        this.stream = stream;
        this.index = index;
        this.rid = rid;
        this.cache = cache;
        this.clockRate = clockRate;
        this.fractionLost = fractionLost;
        this.keyframes = new KeyframeRequestLimiter(keyframeIntervalMillis);
        this.rtxSsrc = rtxSsrc;
        if (ssrc != UNKNOWN) bind(ssrc);
    }

    long ssrc() { return ssrc; }

    int rawSsrc() { return (int) ssrc; }

    boolean known() { return ssrc != UNKNOWN; }

    /** The publisher's RTX SSRC for this layer, or {@link #UNKNOWN}. */
    long rtxSsrc() { return rtxSsrc; }

    void bindRtx(long rtxSsrc) { this.rtxSsrc = rtxSsrc; }

    /** Reader thread: the layer's SSRC became known. */
    void bind(long ssrc) {
        stats = new ReceiveStatistics((int) ssrc, clockRate, fractionLost);
        this.ssrc = ssrc;
    }

    /** Under the stream's lock. */
    ReceiveStatistics stats() { return stats; }

    /** {@code worthCopying}: a frame's last packet, or a repair ({@link FrameEndCopies}). */
    void received(int length, boolean worthCopying, long nowNanos) {
        lastPacketNanos = nowNanos;
        rate.add(length, nowNanos);
        if (worthCopying) this.worthCopying.add(length, nowNanos);
    }

    /** Bit/s arriving over the last second, or -1 when the layer is not being sent (LayerAllocator's convention). */
    long sendingRate(long nowNanos) { return active(nowNanos) ? rate.bitsPerSecond(nowNanos) : -1; }

    /** What forwarding it to one subscriber costs, bit/s ({@code copying}: with copies of its frames' ends), or -1. */
    long cost(boolean copying, long nowNanos) {
        long rate = sendingRate(nowNanos);
        return rate < 0 || !copying ? rate : rate + worthCopying.bitsPerSecond(nowNanos);
    }

    boolean active(long nowNanos) { return lastPacketNanos != 0 && nowNanos - lastPacketNanos < IDLE_NANOS; }

    int height() { return height; }

    void height(int h) { if (h > 0) height = h; }
}
