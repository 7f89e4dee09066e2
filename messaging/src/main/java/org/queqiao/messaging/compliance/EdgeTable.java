package org.queqiao.messaging.compliance;

import java.util.Arrays;

/**
 * The automaton's goto function, {@code (state, code point) → state}, as one open-addressing hash
 * table of primitive longs. The alphabet (thousands of CJK characters) is far too large for a dense
 * table per state, and a {@code Map<Long, Integer>} costs a boxed key per lookup on the hot path;
 * here a lookup is a multiply, a shift and, usually, one cache line: key and target sit side by side.
 */
final class EdgeTable {
    private static final long EMPTY = -1L;

    private final long[] slots; // slots[2i] = key (state << 21 | code point) or EMPTY, slots[2i + 1] = target state
    private final int shift;    // 64 - log2(capacity)
    private final int maxEdges;
    private int size;

    /** @param maxEdges an upper bound: a trie has at most one edge per code point of its words */
    EdgeTable(int maxEdges) {
        int capacity = Integer.highestOneBit(Math.max(8, maxEdges) * 2 - 1) << 1; // the power of two ≥ 2 × maxEdges: load ≤ 0.5
        slots = new long[capacity * 2];
        Arrays.fill(slots, EMPTY); // a target slot is never read while its key is EMPTY
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        this.maxEdges = maxEdges;
    }

    private static long key(int state, int cp) {
        return ((long) state << 21) | cp; // code points need 21 bits
    }

    private int home(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift); // Fibonacci hashing spreads consecutive states
    }

    /** The target of the edge, or -1. */
    int get(int state, int cp) {
        long key = key(state, cp);
        long[] s = slots;
        int mask = (s.length >>> 1) - 1;
        for (int i = home(key); ; i = (i + 1) & mask) {
            long k = s[i << 1];
            if (k == key) return (int) s[(i << 1) + 1];
            if (k == EMPTY) return -1;
        }
    }

    /** Adds an edge that is not there yet (the trie builder checks with {@link #get} first). */
    void put(int state, int cp, int target) {
        if (size == maxEdges) throw new IllegalStateException("more than " + maxEdges + " edges");
        long key = key(state, cp);
        int mask = (slots.length >>> 1) - 1;
        int i = home(key);
        while (slots[i << 1] != EMPTY) i = (i + 1) & mask;
        slots[i << 1] = key;
        slots[(i << 1) + 1] = target;
        size++;
    }
}
