package org.queqiao.media.sfu;

import org.queqiao.media.forward.RetransmissionResponder;

/**
 * One stream as one subscriber receives it. Its own responder, because retransmissions are per receiver:
 * two subscribers missing the same packet each get it, and each RTX stream numbers its own packets.
 * Used on the reader thread only (NACKs arrive there, and so do the packets the cache holds).
 */
final class Outgoing {
    private final IncomingStream stream;
    private final RetransmissionResponder responder;
    private final RetransmissionStats.Reporter stats;

    Outgoing(IncomingStream stream, RetransmissionStats stats) {
        this.stream = stream;
        this.stats = stats.new Reporter(stream.kind());
        this.responder = stream.kind() == org.queqiao.media.sdp.MediaKind.VIDEO
                ? new RetransmissionResponder(stream.cache(), stream.rawRtxSsrc(), stream.rtxPayloadType())
                : RetransmissionResponder.resendingOriginals(stream.cache()); // audio has no RTX
    }

    IncomingStream stream() { return stream; }

    void retransmit(byte[] nack, int off, int len, long nowMillis, SubscriberSession to) {
        responder.respond(nack, off, len, nowMillis, to::sendRtp);
        stats.report(responder);
    }
}
