package org.queqiao.media.srtp;

/** Negative results of protect and unprotect; non-negative results are packet lengths. */
public final class SrtpResult {
    /** Not an RTP/RTCP packet, cut short, or no room for the trailer. */
    public static final int MALFORMED = -1;
    /** The tag did not verify. */
    public static final int AUTH_FAILED = -2;
    /** Seen already, or too far behind the replay window (also: protecting an index twice). */
    public static final int REPLAYED = -3;
    /** A new SSRC beyond the per-context limit. */
    public static final int TOO_MANY_STREAMS = -4;

    private SrtpResult() {}
}
