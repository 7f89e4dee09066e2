package org.queqiao.media.sfu;

import org.queqiao.media.forward.PacketSink;
import org.queqiao.media.forward.RetransmissionResponder;
import org.queqiao.media.forward.SequenceRewriter;
import org.queqiao.media.rtp.RtpPacket;

/**
 * A track sent as one stream: the subscriber gets the publisher's SSRC, timestamps and sequence numbers
 * (the publisher's own until a pause makes them the subscriber's, {@link SequenceRewriter}), and its
 * retransmissions: RTX for video, numbered per receiver, the packet as it was for audio.
 */
final class SingleOutgoing extends Outgoing {
    private final SequenceRewriter numbering = new SequenceRewriter();
    private final RetransmissionResponder responder;
    private final RetransmissionStats.Reporter stats;
    private final PacketSink copies;

    SingleOutgoing(IncomingStream stream, SubscriberSession subscriber, RetransmissionStats stats) {
        super(stream, subscriber);
        this.stats = stats.new Reporter(stream.kind());
        this.responder = stream.kind() == org.queqiao.media.sdp.MediaKind.VIDEO
                ? new RetransmissionResponder(stream.cache(), numbering, stream.rawRtxSsrc(), stream.rtxPayloadType())
                : RetransmissionResponder.resendingOriginals(stream.cache(), numbering); // audio has no RTX
        this.copies = subscriber::sendRtp;
    }

    @Override
    void forward(byte[] buf, int off, int len, int publisherNumber, Layer layer, boolean keyframe, boolean worthCopying, long nowNanos) {
        int number = numbering.toSubscriber(publisherNumber);
        if (number < 0) return;
        if (number != publisherNumber) RtpPacket.setSequenceNumber(buf, off, number);
        subscriber.sendRtp(buf, off, len, nowNanos);
        if (number != publisherNumber) RtpPacket.setSequenceNumber(buf, off, publisherNumber);
        if (worthCopying && subscriber.copiesFrameEnds(nowNanos) // video only: IncomingStream marks no audio packet
                && responder.sendCopy(publisherNumber, number, nowNanos / 1_000_000, copies)) {
            stats.report(responder);
        }
    }

    @Override
    void senderReport(byte[] buf, int off, int len, Layer layer) { subscriber.sendRtcp(buf, off, len); }

    @Override
    void resume() { numbering.resume(); }

    @Override
    void retransmit(byte[] nack, int off, int len, long nowMillis) {
        responder.respond(nack, off, len, nowMillis, subscriber::sendRtp);
        stats.report(responder);
    }

    @Override
    Layer keyframeLayer() { return stream.layers()[0]; }
}
