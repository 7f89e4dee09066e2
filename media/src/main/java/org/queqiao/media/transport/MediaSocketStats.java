package org.queqiao.media.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one media socket, cheap to bump from the reader thread and from senders; the server
 * exposes them through Micrometer as function counters.
 */
public final class MediaSocketStats {
    final LongAdder packetsIn = new LongAdder();
    final LongAdder packetsOut = new LongAdder();
    final LongAdder droppedUnknownAddress = new LongAdder();
    final LongAdder droppedMalformed = new LongAdder();
    final LongAdder droppedNotConnected = new LongAdder();
    final LongAdder stunAuthFailures = new LongAdder();
    final LongAdder srtpAuthFailures = new LongAdder();
    final LongAdder srtpReplayed = new LongAdder();
    final LongAdder dtlsHandshakeFailures = new LongAdder();
    final LongAdder dtlsDropped = new LongAdder();
    final LongAdder handlerErrors = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder sendRefused = new LongAdder();

    /** Datagrams read from the socket. */
    public long packetsIn() { return packetsIn.sum(); }

    /** Datagrams written to the socket (STUN responses, DTLS records, SRTP, SRTCP). */
    public long packetsOut() { return packetsOut.sum(); }

    /** DTLS or SRTP from an address no valid connectivity check has bound to a transport. */
    public long droppedUnknownAddress() { return droppedUnknownAddress.sum(); }

    /** Not STUN, DTLS, RTP or RTCP by the first byte (RFC 7983), or cut short, or bad STUN structure. */
    public long droppedMalformed() { return droppedMalformed.sum(); }

    /** A message inside a decrypted packet that its handler found malformed (a truncated feedback message). */
    public void countMalformed() { droppedMalformed.increment(); }

    /** SRTP from a bound address before the DTLS handshake gave us keys. */
    public long droppedNotConnected() { return droppedNotConnected.sum(); }

    /** Binding requests refused with 400 or 401. */
    public long stunAuthFailures() { return stunAuthFailures.sum(); }

    /** SRTP and SRTCP packets whose tag did not verify. */
    public long srtpAuthFailures() { return srtpAuthFailures.sum(); }

    /** SRTP and SRTCP packets seen already or too old for the replay window. */
    public long srtpReplayed() { return srtpReplayed.sum(); }

    public long dtlsHandshakeFailures() { return dtlsHandshakeFailures.sum(); }

    /** DTLS records dropped because a handshake's queue was full or no handshake could start yet. */
    public long dtlsDropped() { return dtlsDropped.sum(); }

    /** Exceptions thrown by handlers or by processing one packet; the reader carries on. */
    public long handlerErrors() { return handlerErrors.sum(); }

    public long sendFailures() { return sendFailures.sum(); }

    /**
     * Packets our SRTP sender would not protect, so never sent: an index sent before with other content or
     * further back than its window, a stream table full, a packet too long for the buffer.
     */
    public long sendRefused() { return sendRefused.sum(); }
}
