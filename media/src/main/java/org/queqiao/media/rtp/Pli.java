package org.queqiao.media.rtp;

/** Picture loss indication (RFC 4585 §6.3.1): a PSFB message with FMT 1 and no FCI. */
public final class Pli {
    public static final int LENGTH = 12;

    private Pli() {}

    public static boolean isPli(byte[] buf, int off) {
        return RtcpHeader.packetType(buf, off) == RtcpHeader.PSFB
                && RtcpHeader.countOrFormat(buf, off) == RtcpHeader.FMT_PLI;
    }

    /** Writes a PLI asking {@code mediaSsrc}'s sender for a keyframe; returns {@link #LENGTH}. */
    public static int write(byte[] buf, int off, int senderSsrc, int mediaSsrc) {
        return RtcpFeedback.writeCommon(buf, off, RtcpHeader.FMT_PLI, RtcpHeader.PSFB, senderSsrc, mediaSsrc, LENGTH);
    }
}
