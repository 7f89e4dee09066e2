package org.queqiao.media.srtp;

/**
 * A 64-packet sliding replay window over packet indices (RFC 3711 §3.3.2): an index is fresh when it is
 * ahead of the highest seen, or within 64 behind it and not yet seen. Indices further behind are refused.
 * {@link #accept} is called only after the packet authenticated, so forgeries cannot move the window.
 */
final class ReplayWindow {
    static final int SIZE = 64;

    private long highest = -1;
    private long seen; // bit i: highest - i was accepted

    boolean isReplayOrTooOld(long index) {
        return isTooOld(index) || isSeen(index);
    }

    /** Further behind the highest index than the window reaches: nothing is known of it any more. */
    boolean isTooOld(long index) {
        return highest >= 0 && index <= highest - SIZE;
    }

    /** Accepted before, and still inside the window. */
    boolean isSeen(long index) {
        if (highest < 0 || index > highest) return false;
        long behind = highest - index;
        return behind < SIZE && ((seen >>> behind) & 1) != 0;
    }

    void accept(long index) {
        if (index > highest) {
            long ahead = index - highest;
            seen = highest < 0 || ahead >= SIZE ? 1 : (seen << ahead) | 1;
            highest = index;
        } else {
            seen |= 1L << (highest - index);
        }
    }
}
