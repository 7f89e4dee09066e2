package org.queqiao.media.rtp;

/**
 * Full intra request (RFC 5104 §4.3.1): a PSFB message with FMT 4 whose media source SSRC is 0 and whose
 * FCI entries name the target: {@code SSRC(32) | seq nr(8) | reserved(24)}. The sequence number is
 * incremented per new request (retransmissions of a request repeat it), so a sender can tell one
 * request from its repetitions (§4.3.1.2).
 */
public final class Fir {
    public static final int ENTRY_LENGTH = 8;
    /** Length of a FIR with one entry, as {@link #write} produces. */
    public static final int LENGTH = RtcpFeedback.FCI_OFFSET + ENTRY_LENGTH;

    private Fir() {}

    public static boolean isFir(byte[] buf, int off) {
        return RtcpHeader.packetType(buf, off) == RtcpHeader.PSFB
                && RtcpHeader.countOrFormat(buf, off) == RtcpHeader.FMT_FIR;
    }

    public static int entryCount(byte[] buf, int off, int len) {
        return RtcpFeedback.fciLength(buf, off, len) / ENTRY_LENGTH;
    }

    public static int entrySsrc(byte[] buf, int off, int index) {
        return Bytes.i32(buf, off + RtcpFeedback.FCI_OFFSET + index * ENTRY_LENGTH);
    }

    public static int entrySequenceNumber(byte[] buf, int off, int index) {
        return Bytes.u8(buf, off + RtcpFeedback.FCI_OFFSET + index * ENTRY_LENGTH + 4);
    }

    /** The sequence number of the entry addressed to {@code ssrc}, or -1 if the FIR does not name it. */
    public static int sequenceNumberFor(byte[] buf, int off, int len, int ssrc) {
        int entries = entryCount(buf, off, len);
        for (int i = 0; i < entries; i++) {
            if (entrySsrc(buf, off, i) == ssrc) {
                return entrySequenceNumber(buf, off, i);
            }
        }
        return -1;
    }

    /** Writes a FIR with one entry for {@code mediaSsrc}; returns {@link #LENGTH}. */
    public static int write(byte[] buf, int off, int senderSsrc, int mediaSsrc, int sequenceNumber) {
        RtcpFeedback.writeCommon(buf, off, RtcpHeader.FMT_FIR, RtcpHeader.PSFB, senderSsrc, 0, LENGTH);
        int entry = off + RtcpFeedback.FCI_OFFSET;
        Bytes.put32(buf, entry, mediaSsrc);
        buf[entry + 4] = (byte) sequenceNumber;
        buf[entry + 5] = 0;
        buf[entry + 6] = 0;
        buf[entry + 7] = 0;
        return LENGTH;
    }
}
