package org.queqiao.media.rtp;

import java.util.function.IntConsumer;

/**
 * Generic NACK (RFC 4585 §6.2.1), an RTPFB message with FMT 1. Each 4-byte FCI entry is a packet id
 * (PID) and a bitmask of the 16 following lost packets (BLP): bit {@code i} (least significant first)
 * set means {@code PID + i + 1} is lost too.
 */
public final class Nack {
    public static final int ENTRY_LENGTH = 4;

    private Nack() {}

    public static boolean isNack(byte[] buf, int off) {
        return RtcpHeader.packetType(buf, off) == RtcpHeader.RTPFB
                && RtcpHeader.countOrFormat(buf, off) == RtcpHeader.FMT_NACK;
    }

    /** Number of FCI entries in a NACK of {@code len} bytes (as {@link RtcpCompoundIterator#length()}). */
    public static int entryCount(byte[] buf, int off, int len) {
        return RtcpFeedback.fciLength(buf, off, len) / ENTRY_LENGTH;
    }

    public static int packetId(byte[] buf, int off, int index) {
        return Bytes.u16(buf, off + RtcpFeedback.FCI_OFFSET + index * ENTRY_LENGTH);
    }

    public static int lostBitmask(byte[] buf, int off, int index) {
        return Bytes.u16(buf, off + RtcpFeedback.FCI_OFFSET + index * ENTRY_LENGTH + 2);
    }

    /** Calls {@code consumer} with every sequence number the NACK reports lost, in FCI order. */
    public static void forEachLost(byte[] buf, int off, int len, IntConsumer consumer) {
        int entries = entryCount(buf, off, len);
        for (int i = 0; i < entries; i++) {
            int pid = packetId(buf, off, i);
            int blp = lostBitmask(buf, off, i);
            consumer.accept(pid);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & 1 << bit) != 0) {
                    consumer.accept(SequenceNumbers.add(pid, bit + 1));
                }
            }
        }
    }

    /**
     * Expands the NACK into {@code out} and returns how many sequence numbers were written; stops when
     * {@code out} is full (a NACK can report up to 17 per entry).
     */
    public static int lostSequenceNumbers(byte[] buf, int off, int len, int[] out) {
        int entries = entryCount(buf, off, len);
        int count = 0;
        for (int i = 0; i < entries && count < out.length; i++) {
            int pid = packetId(buf, off, i);
            int blp = lostBitmask(buf, off, i);
            out[count++] = pid;
            for (int bit = 0; bit < 16 && count < out.length; bit++) {
                if ((blp & 1 << bit) != 0) {
                    out[count++] = SequenceNumbers.add(pid, bit + 1);
                }
            }
        }
        return count;
    }

    /**
     * Writes a NACK for {@code sequenceNumbers[0..count)} into at most {@code maxLength} bytes and returns
     * its length, or 0 if there is nothing to NACK or not even one entry fits. Each sequence number joins
     * an entry whose PID is at most 16 before it, else it opens a new entry; ascending input (in wrap-aware
     * order, as {@code LossDetector} produces) gives the fewest entries, but any order and duplicates are
     * correct. Numbers that no longer fit in {@code maxLength} are left out.
     */
    public static int write(byte[] buf, int off, int senderSsrc, int mediaSsrc, int[] sequenceNumbers, int count,
                            int maxLength) {
        int maxEntries = (maxLength - RtcpFeedback.FCI_OFFSET) / ENTRY_LENGTH;
        int fci = off + RtcpFeedback.FCI_OFFSET;
        int entries = 0;
        for (int i = 0; i < count; i++) {
            int seq = sequenceNumbers[i] & 0xFFFF;
            if (!joinEntry(buf, fci, entries, seq) && entries < maxEntries) {
                Bytes.put16(buf, fci + entries * ENTRY_LENGTH, seq);
                Bytes.put16(buf, fci + entries * ENTRY_LENGTH + 2, 0);
                entries++;
            }
        }
        if (entries == 0) {
            return 0;
        }
        int length = RtcpFeedback.FCI_OFFSET + entries * ENTRY_LENGTH;
        RtcpFeedback.writeCommon(buf, off, RtcpHeader.FMT_NACK, RtcpHeader.RTPFB, senderSsrc, mediaSsrc, length);
        return length;
    }

    private static boolean joinEntry(byte[] buf, int fci, int entries, int seq) {
        // Newest entries first: with ascending input the match is almost always the last one.
        for (int e = entries - 1; e >= 0; e--) {
            int at = fci + e * ENTRY_LENGTH;
            int distance = seq - Bytes.u16(buf, at) & 0xFFFF;
            if (distance == 0) {
                return true;
            }
            if (distance <= 16) {
                Bytes.put16(buf, at + 2, Bytes.u16(buf, at + 2) | 1 << distance - 1);
                return true;
            }
        }
        return false;
    }
}
