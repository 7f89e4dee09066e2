package org.queqiao.media.client;

import java.io.IOException;
import java.util.Arrays;
import org.queqiao.media.rtp.Bytes;
import org.queqiao.media.rtp.HeaderExtensions;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.TransportFeedback;
import org.queqiao.media.sdp.ServerCodecs;

/**
 * A subscriber's transport-wide feedback, as a browser sends it (ADR 0009 §17): the arrival of every packet the
 * server numbered, in one message per {@link #INTERVAL_NANOS} or whenever asked. The number is read from the RTP
 * header, which SRTP leaves in the clear. For synthetic subscribers (the SFU load benchmark, router tests); one
 * thread at a time.
 */
public final class TransportFeedbackReporter {
    public static final long INTERVAL_NANOS = 100_000_000L;
    /** Packets one message covers at most; a subscriber gets a few hundred in an interval. */
    private static final int MAX_PACKETS = 2048;

    private final long[] arrivals = new long[MAX_PACKETS];
    private final byte[] out = new byte[TransportFeedback.maxLength(MAX_PACKETS) + 64]; // + SRTCP's index and tag: sending protects in place
    private int base = -1, count, feedbackCount;
    private long lastSentNanos;
    private long sent, failed;

    public TransportFeedbackReporter() { Arrays.fill(arrivals, -1); }

    /** The server's transport-wide number in an RTP packet to a subscriber, or -1 when it carries none. */
    public static int numberOf(byte[] rtp, int off, int len) {
        if (!RtpPacket.hasExtension(rtp, off) || RtpPacket.headerLength(rtp, off) > len) return -1;
        long at = HeaderExtensions.find(rtp, off, len, ServerCodecs.TRANSPORT_CC_ID);
        if (at == HeaderExtensions.NOT_FOUND || HeaderExtensions.dataLength(at) != 2) return -1;
        return Bytes.u16(rtp, HeaderExtensions.dataOffset(at));
    }

    /**
     * An RTP packet arrived at {@code arrivalMicros} (the reporter's clock; only differences matter). {@code len} may
     * cover the header only. Returns whether it was numbered.
     */
    public boolean onPacket(byte[] rtp, int off, int len, long arrivalMicros) {
        int number = numberOf(rtp, off, len);
        if (number < 0) return false;
        if (base < 0) base = number;
        int index = number - base & 0xFFFF;
        if (index >= 0x8000) return true; // late: older than what was already reported
        if (index >= MAX_PACKETS) return true; // a gap larger than a message: left out
        arrivals[index] = arrivalMicros;
        count = Math.max(count, index + 1);
        return true;
    }

    /** Sends the message when an interval has passed since the last. */
    public void sendIfDue(WebRtcClientTransport transport, long nowNanos) {
        if (count == 0 || nowNanos - lastSentNanos < INTERVAL_NANOS) return;
        lastSentNanos = nowNanos;
        send(transport);
    }

    /** Sends what arrived since the last message (nothing when nothing did); the next message starts after it. */
    public void send(WebRtcClientTransport transport) {
        if (count == 0) return;
        int n = TransportFeedback.write(out, 0, 0x5100_0000, 0, base, arrivals, count, feedbackCount++ & 0xFF);
        try {
            if (n > 0 && transport.sendRtcpPacket(out, n)) sent++;
            else failed++;
        } catch (IOException e) {
            failed++;
        }
        base = base + count & 0xFFFF;
        Arrays.fill(arrivals, 0, count, -1);
        count = 0;
    }

    public long sent() { return sent; }

    public long failed() { return failed; }
}
