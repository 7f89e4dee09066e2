package org.queqiao.media.sfu;

/**
 * One stream as one subscriber receives it: per receiver because each has its own numbering (after a
 * pause, or across simulcast layers) and its own retransmissions. Used on the reader thread only (packets
 * and NACKs arrive there), except {@link #resume} and the layer a subscriber wants.
 */
abstract sealed class Outgoing permits SingleOutgoing, SimulcastOutgoing {
    final IncomingStream stream;
    final SubscriberSession subscriber;

    Outgoing(IncomingStream stream, SubscriberSession subscriber) {
        this.stream = stream;
        this.subscriber = subscriber;
    }

    static Outgoing of(IncomingStream stream, SubscriberSession subscriber, RetransmissionStats stats) {
        return stream.simulcast() ? new SimulcastOutgoing(stream, subscriber, stats) : new SingleOutgoing(stream, subscriber, stats);
    }

    /** The one of {@code all} whose stream a subscriber knows by {@code ssrc} (its RTCP names it so), or null. */
    static Outgoing bySsrc(Outgoing[] all, int ssrc) {
        for (Outgoing o : all) if (o.stream().rawSsrc() == ssrc) return o;
        return null;
    }

    IncomingStream stream() { return stream; }

    SubscriberSession subscriber() { return subscriber; }

    /**
     * A packet of {@code layer} ({@code publisherNumber} in its header), sent with this subscriber's number
     * (and SSRC and timestamps, for a simulcast track); the buffer is left as it came for the next subscriber.
     * {@code worthCopying}: a video frame's last packet or a repair, sent twice while the subscriber's downlink
     * loses packets ({@link FrameEndCopies}).
     */
    abstract void forward(byte[] buf, int off, int len, int publisherNumber, Layer layer, boolean keyframe, boolean worthCopying, long nowNanos);

    /** The publisher's sender report for {@code layer}, passed on when this subscriber gets that layer. */
    abstract void senderReport(byte[] buf, int off, int len, Layer layer);

    /** Forwarding resumes after a pause: the subscriber's numbers carry on without the gap. */
    abstract void resume();

    abstract void retransmit(byte[] nack, int off, int len, long nowMillis);

    /** The layer a keyframe request of this subscriber is for. */
    abstract Layer keyframeLayer();
}
