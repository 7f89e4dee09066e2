package org.queqiao.media.sfu;

import org.queqiao.media.forward.LayerSwitch;
import org.queqiao.media.forward.PacketSink;
import org.queqiao.media.forward.RetransmissionResponder;
import org.queqiao.media.rtp.Bytes;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.SenderReport;

/**
 * A simulcast track as one subscriber receives it (ADR 0009 §14): one layer at a time, as one stream under
 * the SSRCs its offer announced. The layer follows the height the subscriber shows the camera at and the
 * layers the publisher is sending ({@link LayerChoice}); the move happens at the new layer's keyframe, which
 * is asked for when the choice changes.
 */
final class SimulcastOutgoing extends Outgoing {
    private static final int SR_SSRC = 4, SR_RTP_TIMESTAMP = 16;

    private final LayerSwitch layers;
    private final RetransmissionResponder responder;
    private final RetransmissionStats.Reporter stats;
    private final PacketSink copies;
    /** The height the subscriber shows this camera at, in device pixels; 0: it did not say. */
    private volatile int wantedHeight;

    SimulcastOutgoing(IncomingStream stream, SubscriberSession subscriber, RetransmissionStats stats) {
        super(stream, subscriber);
        this.stats = stats.new Reporter(stream.kind());
        int top = stream.layers().length - 1; // until the subscriber says how large it shows the camera
        this.layers = new LayerSwitch(stream.rawSsrc(), stream.clockRate(), stream.vp8(), top);
        this.responder = RetransmissionResponder.forLayers(layers, stream.layers()[top].cache, stream.rawRtxSsrc(), stream.rtxPayloadType());
        this.copies = subscriber::sendRtp;
    }

    @Override
    void forward(byte[] buf, int off, int len, int publisherNumber, Layer layer, boolean keyframe, boolean worthCopying, long nowNanos) {
        if (!layers.rewrite(buf, off, len, layer.index, keyframe, nowNanos)) return;
        subscriber.sendRtp(buf, off, len, nowNanos);
        int subscriberNumber = RtpPacket.sequenceNumber(buf, off);
        layers.restore(buf, off, len);
        if (worthCopying && subscriber.copiesFrameEnds(nowNanos)) {
            responder.useCache(layer.cache);
            if (responder.sendCopy(publisherNumber, subscriberNumber, nowNanos / 1_000_000, copies)) stats.report(responder);
        }
    }

    /** The layer's sender report, as of the stream the subscriber knows: our SSRC, its timestamps. */
    @Override
    void senderReport(byte[] buf, int off, int len, Layer layer) {
        if (layer.index != layers.current()) return;
        int ssrc = Bytes.i32(buf, off + SR_SSRC), timestamp = SenderReport.rtpTimestamp(buf, off);
        Bytes.put32(buf, off + SR_SSRC, stream.rawSsrc());
        Bytes.put32(buf, off + SR_RTP_TIMESTAMP, layers.subscriberTimestamp(timestamp));
        subscriber.sendRtcp(buf, off, len);
        Bytes.put32(buf, off + SR_SSRC, ssrc);
        Bytes.put32(buf, off + SR_RTP_TIMESTAMP, timestamp);
    }

    @Override
    void resume() { layers.resume(); }

    @Override
    void retransmit(byte[] nack, int off, int len, long nowMillis) {
        int current = layers.current();
        if (current == LayerSwitch.NONE) return;
        responder.useCache(stream.layers()[current].cache); // numbers from before a move are not answered: one layer at a time
        responder.respond(nack, off, len, nowMillis, subscriber::sendRtp);
        stats.report(responder);
    }

    @Override
    Layer keyframeLayer() { return stream.layers()[layers.target()]; }

    void wantedHeight(int height) { wantedHeight = height; }

    /** The layer the subscriber's tile needs, among those being sent ({@link LayerChoice}). */
    int ideal(long nowNanos) { return LayerChoice.choose(stream.layers(), wantedHeight, nowNanos, layers.target()); }

    int target() { return layers.target(); }

    /** Who goes first when the downlink is short: the tallest tile; one whose size was not said counts as tallest. */
    int priority() { return wantedHeight == 0 ? Integer.MAX_VALUE : wantedHeight; }

    /**
     * Moves to {@code best} (the allocation of the timer thread, or of a new view): when that changed the
     * target, and while a move is pending (the keyframe or the request may have been lost), asks the
     * publisher for a keyframe of it under the layer's rate limit, if the subscriber is connected
     * ({@code ask}). Before that a keyframe would reach nobody and hold back, by the rate limit, the one it
     * asks for on connecting (that cost a joining participant ~500 ms).
     */
    void retarget(int best, boolean ask) {
        int target = layers.target();
        if (best != target) layers.target(best);
        if (ask && (best != target || layers.switchPending())) stream.owner().requestKeyframe(stream.layers()[best]);
    }
}
