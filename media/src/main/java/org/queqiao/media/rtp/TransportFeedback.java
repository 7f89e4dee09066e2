package org.queqiao.media.rtp;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1): a
 * receiver's report of which transport-wide sequence numbers arrived, and when, on its own clock.
 *
 * <pre>
 * | RTPFB header, FMT=15 | sender SSRC | media SSRC |
 * |  base sequence number (16)  |  packet status count (16)  |
 * |  reference time (24, signed, 64 ms units)  |  feedback packet count (8)  |
 * |  packet chunks (16 bits each) ...  |  receive deltas (8 or 16 bits, 250 µs units) ...  |
 * </pre>
 *
 * A chunk is either a run (bit 0 = 0: a 2-bit status repeated for a 13-bit length) or a vector (bit 0 = 1: 14
 * one-bit or 7 two-bit statuses). Status 0: not received; 1: received, a one-byte unsigned delta; 2: received,
 * a two-byte signed delta. The first delta is from the reference time, each next one from the packet before.
 * {@link #read} is the SFU's side (subscribers' browsers send these); {@link #write} a receiver's (the synthetic
 * subscribers of the load benchmark and tests).
 */
public final class TransportFeedback {
    /** Bytes from the packet's start to the first chunk. */
    static final int CHUNKS_OFFSET = RtcpFeedback.FCI_OFFSET + 8;
    public static final long DELTA_MICROS = 250;
    public static final long REFERENCE_MICROS = 64_000;

    /** What a feedback message says of each sequence number in its range, in order. */
    public interface Visitor {
        /** {@code arrivalMicros}: on the receiver's clock, from the reference time; only differences mean anything. */
        void received(int sequence, long arrivalMicros);

        void lost(int sequence);
    }

    private TransportFeedback() {}

    /**
     * Reads a feedback message of {@code len} bytes at {@code off} (one packet of a compound, its type checked by
     * the caller) and tells {@code visitor} about every sequence number it covers. Returns false, having told
     * the visitor nothing, when the message is truncated or inconsistent (counts that run past its end, a
     * reserved status).
     */
    public static boolean read(byte[] buf, int off, int len, Visitor visitor) {
        int end = off + RtcpFeedback.FCI_OFFSET + RtcpFeedback.fciLength(buf, off, len);
        if (end - off < CHUNKS_OFFSET) return false;
        int base = Bytes.u16(buf, off + 12), count = Bytes.u16(buf, off + 14);
        int reference = Bytes.u24(buf, off + 16) << 8 >> 8; // 24-bit signed
        // First pass: the chunks' statuses decide where the deltas start and how many bytes they take.
        int chunks = off + CHUNKS_OFFSET, deltaBytes = 0, seen = 0, pos = chunks;
        while (seen < count) {
            if (pos + 2 > end) return false;
            int chunk = Bytes.u16(buf, pos);
            pos += 2;
            if ((chunk & 0x8000) == 0) { // a run: one status for all of it, counted at once
                int run = Math.min(symbols(chunk), count - seen), status = status(chunk, 0);
                if (status == 3) return false;
                deltaBytes += run * status;
                seen += run;
                continue;
            }
            for (int i = 0, n = symbols(chunk); i < n && seen < count; i++, seen++) {
                int status = status(chunk, i);
                if (status == 3) return false;
                deltaBytes += status;
            }
        }
        if (pos + deltaBytes > end) return false;
        // Second pass: tell.
        long arrival = reference * REFERENCE_MICROS;
        int deltas = pos, sequence = base;
        seen = 0;
        for (int at = chunks; seen < count; at += 2) {
            int chunk = Bytes.u16(buf, at);
            for (int i = 0, n = symbols(chunk); i < n && seen < count; i++, seen++, sequence = sequence + 1 & 0xFFFF) {
                int status = status(chunk, i);
                if (status == 0) {
                    visitor.lost(sequence);
                    continue;
                }
                int delta = status == 1 ? buf[deltas] & 0xFF : (short) Bytes.u16(buf, deltas);
                deltas += status;
                arrival += delta * DELTA_MICROS;
                visitor.received(sequence, arrival);
            }
        }
        return true;
    }

    /** How many statuses a chunk holds: a run's length, 14 or 7 for a vector. */
    private static int symbols(int chunk) {
        if ((chunk & 0x8000) == 0) return chunk & 0x1FFF;
        return (chunk & 0x4000) == 0 ? 14 : 7;
    }

    private static int status(int chunk, int index) {
        if ((chunk & 0x8000) == 0) return chunk >>> 13 & 0x3;
        if ((chunk & 0x4000) == 0) return chunk >>> 13 - index & 0x1;
        return chunk >>> 12 - 2 * index & 0x3;
    }

    /** The longest message {@link #write} makes: its header, one chunk per 7 packets and up to two delta bytes each. */
    public static int maxLength(int count) { return CHUNKS_OFFSET + (count + 6) / 7 * 2 + 2 * count + 3; }

    /**
     * Writes a feedback message as a receiver does: {@code count} consecutive sequence numbers from {@code base}, the
     * i-th received at {@code arrivalMicros[i]} on the writer's clock, or lost where it is negative. Statuses go in
     * two-bit vectors of 7; deltas take one byte where they fit (0 to 63.75 ms), else two (signed, ±8.2 s). Returns
     * the length (padded to a word), or -1 when {@code buf} has no room ({@link #maxLength}) or a delta does not fit
     * (send the packets from there in a message of their own).
     */
    public static int write(byte[] buf, int off, int senderSsrc, int mediaSsrc, int base, long[] arrivalMicros, int count,
                            int feedbackCount) {
        if (count < 1 || count > 0xFFFF || off + maxLength(count) > buf.length) return -1;
        long first = -1;
        for (int i = 0; i < count; i++) if (arrivalMicros[i] >= 0) { first = arrivalMicros[i]; break; }
        long reference = first < 0 ? 0 : Math.floorDiv(first, REFERENCE_MICROS);
        int chunks = off + CHUNKS_OFFSET, deltas = chunks + (count + 6) / 7 * 2, at = deltas;
        long previous = reference * REFERENCE_MICROS;
        for (int i = 0; i < count; i += 7) {
            int chunk = 0xC000;
            for (int k = 0; k < 7 && i + k < count; k++) {
                long t = arrivalMicros[i + k];
                if (t < 0) continue;
                long delta = Math.floorDiv(t - previous, DELTA_MICROS);
                int status;
                if (delta >= 0 && delta <= 0xFF) {
                    buf[at++] = (byte) delta;
                    status = 1;
                } else if (delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE) {
                    Bytes.put16(buf, at, (int) delta);
                    at += 2;
                    status = 2;
                } else {
                    return -1;
                }
                previous += delta * DELTA_MICROS;
                chunk |= status << 12 - 2 * k;
            }
            Bytes.put16(buf, chunks + i / 7 * 2, chunk);
        }
        while ((at - off) % 4 != 0) buf[at++] = 0;
        RtcpFeedback.writeCommon(buf, off, RtcpHeader.FMT_TRANSPORT_CC, RtcpHeader.RTPFB, senderSsrc, mediaSsrc, at - off);
        Bytes.put16(buf, off + 12, base);
        Bytes.put16(buf, off + 14, count);
        Bytes.put24(buf, off + 16, (int) reference);
        buf[off + 19] = (byte) feedbackCount;
        return at - off;
    }
}
