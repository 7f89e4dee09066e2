package org.queqiao.bench;

import java.io.IOException;
import java.util.Arrays;
import org.queqiao.media.client.WebRtcClientTransport;
import org.queqiao.media.rtp.Bytes;
import org.queqiao.media.rtp.HeaderExtensions;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.TransportFeedback;
import org.queqiao.media.sdp.ServerCodecs;

/**
 * A synthetic subscriber's transport-wide feedback, as a browser sends it (ADR 0009 §17): the arrival of every
 * numbered packet, one message every {@link #INTERVAL_NANOS}, so that the SFU pays for reading feedback as it does
 * with real receivers. The numbers are read from the RTP header, which SRTP leaves in the clear. Receive thread only.
 */
final class FeedbackWriter {
    static final long INTERVAL_NANOS = 100_000_000L;
    /** Packets one message covers at most; a subscriber gets a few hundred in an interval. */
    private static final int MAX_PACKETS = 2048;

    private final long[] arrivals = new long[MAX_PACKETS];
    private final byte[] header = new byte[64];
    private final byte[] out = new byte[TransportFeedback.maxLength(MAX_PACKETS) + 64]; // + SRTCP's index and tag
    private int base = -1, count, feedbackCount;
    private long lastSentNanos;
    long sent, failed;

    FeedbackWriter() { Arrays.fill(arrivals, -1); }

    /** An RTP packet of {@code len} bytes arrived (its first bytes in {@code packet}); returns whether it was numbered. */
    boolean onPacket(java.nio.ByteBuffer packet, int len, long nowNanos) {
        int n = Math.min(len, header.length);
        packet.get(0, header, 0, n);
        if (!RtpPacket.hasExtension(header, 0) || RtpPacket.headerLength(header, 0) > n) return false;
        long at = HeaderExtensions.find(header, 0, n, ServerCodecs.TRANSPORT_CC_ID);
        if (at == HeaderExtensions.NOT_FOUND || HeaderExtensions.dataLength(at) != 2) return false;
        int number = Bytes.u16(header, HeaderExtensions.dataOffset(at));
        if (base < 0) base = number;
        int index = number - base & 0xFFFF;
        if (index >= 0x8000) return true; // late: older than what was already reported
        if (index >= MAX_PACKETS) return true; // a gap larger than a message: left out
        arrivals[index] = nowNanos / 1_000;
        count = Math.max(count, index + 1);
        return true;
    }

    /** Sends the message when an interval has passed since the last. */
    void maybeSend(WebRtcClientTransport transport, long nowNanos) {
        if (count == 0 || nowNanos - lastSentNanos < INTERVAL_NANOS) return;
        lastSentNanos = nowNanos;
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
}
