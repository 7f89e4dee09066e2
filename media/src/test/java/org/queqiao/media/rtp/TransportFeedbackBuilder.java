package org.queqiao.media.rtp;

import java.io.ByteArrayOutputStream;

/**
 * Writes transport-wide feedback as a receiver would, for tests: consecutive sequence numbers from a base, each
 * received at a time or lost ({@code -1}), in two-bit status vectors with two-byte deltas.
 */
public final class TransportFeedbackBuilder {
    private TransportFeedbackBuilder() {}

    /** {@code arrivalMicros[i]}: when {@code base + i} arrived (the receiver's clock), or -1 if it did not. */
    public static byte[] feedback(int base, long[] arrivalMicros, int feedbackCount) {
        long first = -1;
        for (long t : arrivalMicros) if (t >= 0) { first = t; break; }
        long reference = first < 0 ? 0 : first / TransportFeedback.REFERENCE_MICROS;
        ByteArrayOutputStream fci = new ByteArrayOutputStream();
        write16(fci, base);
        write16(fci, arrivalMicros.length);
        fci.write((int) (reference >>> 16));
        fci.write((int) (reference >>> 8));
        fci.write((int) reference);
        fci.write(feedbackCount);
        for (int i = 0; i < arrivalMicros.length; i += 7) {
            int chunk = 0xC000;
            for (int k = 0; k < 7 && i + k < arrivalMicros.length; k++) {
                if (arrivalMicros[i + k] >= 0) chunk |= 2 << 12 - 2 * k;
            }
            write16(fci, chunk);
        }
        long previous = reference * TransportFeedback.REFERENCE_MICROS;
        for (long t : arrivalMicros) {
            if (t < 0) continue;
            write16(fci, (int) ((t - previous) / TransportFeedback.DELTA_MICROS));
            previous += (t - previous) / TransportFeedback.DELTA_MICROS * TransportFeedback.DELTA_MICROS;
        }
        while (fci.size() % 4 != 0) fci.write(0);
        byte[] p = new byte[RtcpFeedback.FCI_OFFSET + fci.size()];
        RtcpFeedback.writeCommon(p, 0, RtcpHeader.FMT_TRANSPORT_CC, RtcpHeader.RTPFB, 0x77, 0, p.length);
        System.arraycopy(fci.toByteArray(), 0, p, RtcpFeedback.FCI_OFFSET, fci.size());
        return p;
    }

    private static void write16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
