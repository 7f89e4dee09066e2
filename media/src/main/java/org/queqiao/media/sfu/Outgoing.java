package org.queqiao.media.sfu;

import org.queqiao.media.forward.RetransmissionResponder;
import org.queqiao.media.forward.SequenceRewriter;
import org.queqiao.media.rtp.RtpPacket;

/**
 * One stream as one subscriber receives it: its sequence numbers (the publisher's, until a pause makes them
 * the subscriber's own, {@link SequenceRewriter}) and its retransmissions, per receiver because two
 * subscribers missing the same packet each get it, and each RTX stream numbers its own packets.
 * Used on the reader thread only (packets and NACKs arrive there), except {@link #resume}.
 */
final class Outgoing {
    private final IncomingStream stream;
    private final SubscriberSession subscriber;
    private final SequenceRewriter numbering = new SequenceRewriter();
    private final RetransmissionResponder responder;
    private final RetransmissionStats.Reporter stats;

    Outgoing(IncomingStream stream, SubscriberSession subscriber, RetransmissionStats stats) {
        this.stream = stream;
        this.subscriber = subscriber;
        this.stats = stats.new Reporter(stream.kind());
        this.responder = stream.kind() == org.queqiao.media.sdp.MediaKind.VIDEO
                ? new RetransmissionResponder(stream.cache(), numbering, stream.rawRtxSsrc(), stream.rtxPayloadType())
                : RetransmissionResponder.resendingOriginals(stream.cache(), numbering); // audio has no RTX
    }

    IncomingStream stream() { return stream; }

    SubscriberSession subscriber() { return subscriber; }

    /** Sends the packet ({@code publisherNumber} in its header) with this subscriber's number, and puts the publisher's back. */
    void forward(byte[] buf, int off, int len, int publisherNumber) {
        int number = numbering.toSubscriber(publisherNumber);
        if (number < 0) return;
        if (number != publisherNumber) RtpPacket.setSequenceNumber(buf, off, number);
        subscriber.sendRtp(buf, off, len);
        if (number != publisherNumber) RtpPacket.setSequenceNumber(buf, off, publisherNumber);
    }

    /** Forwarding resumes after a pause: the subscriber's numbers carry on without the gap. */
    void resume() { numbering.resume(); }

    void retransmit(byte[] nack, int off, int len, long nowMillis) {
        responder.respond(nack, off, len, nowMillis, subscriber::sendRtp);
        stats.report(responder);
    }
}
