package org.queqiao.media.srtp;

/**
 * SSRC to {@link StreamState}, open addressing over int keys so that a lookup neither boxes nor allocates.
 * Bounded: a peer has a handful of SSRCs, and {@link #MAX_STREAMS} stops anyone from growing it without end.
 * Entries are never removed; a transport's streams live as long as it does.
 */
final class StreamTable {
    static final int MAX_STREAMS = 256;
    private static final int SLOTS = 512; // power of two, at most half full

    private final StreamState[] slots = new StreamState[SLOTS];
    private int size;

    StreamState get(int ssrc) {
        for (int i = slot(ssrc); ; i = (i + 1) & (SLOTS - 1)) {
            StreamState s = slots[i];
            if (s == null || s.ssrc == ssrc) return s;
        }
    }

    /** Adds a stream; returns null when the table is full. */
    StreamState add(int ssrc) {
        if (size >= MAX_STREAMS) return null;
        StreamState state = new StreamState(ssrc);
        int i = slot(ssrc);
        while (slots[i] != null) i = (i + 1) & (SLOTS - 1);
        slots[i] = state;
        size++;
        return state;
    }

    boolean isFull() { return size >= MAX_STREAMS; }

    private static int slot(int ssrc) {
        return (ssrc * 0x9E3779B9) >>> 23; // Fibonacci hashing down to 9 bits
    }
}
