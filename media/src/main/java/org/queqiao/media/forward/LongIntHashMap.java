package org.queqiao.media.forward;

import java.util.Arrays;

/**
 * A fixed-capacity open-addressing map from {@code long} to {@code int} (linear probing, backward-shift
 * deletion): no boxing, no allocation after construction. Used for SSRC and stream-id lookups.
 */
final class LongIntHashMap {
    private final long[] keys;
    private final int[] values;
    private final boolean[] used;
    private final int mask;
    private final int maxSize;
    private int size;

    LongIntHashMap(int maxSize) {
        int capacity = Integer.highestOneBit(Math.max(2, maxSize) * 2 - 1) << 1;
        this.keys = new long[capacity];
        this.values = new int[capacity];
        this.used = new boolean[capacity];
        this.mask = capacity - 1;
        this.maxSize = maxSize;
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    /** Inserts or replaces; false when the map is full and {@code key} is new. */
    boolean put(long key, int value) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return true;
            }
            i = i + 1 & mask;
        }
        if (size == maxSize) {
            return false;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        size++;
        return true;
    }

    int get(long key, int missing) {
        int i = indexOf(key);
        return i < 0 ? missing : values[i];
    }

    /** The internal index of {@code key} for {@link #valueAt}, or -1: one probe when any int is a valid value. */
    int indexOf(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                return i;
            }
            i = i + 1 & mask;
        }
        return -1;
    }

    int valueAt(int index) {
        return values[index];
    }

    boolean remove(long key) {
        int i = slot(key);
        while (used[i]) {
            if (keys[i] == key) {
                shiftBack(i);
                size--;
                return true;
            }
            i = i + 1 & mask;
        }
        return false;
    }

    /** Closes the hole at {@code hole} so that every remaining key stays reachable from its home slot. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = i + 1 & mask;
            if (!used[i]) {
                break;
            }
            int home = slot(keys[i]);
            // Move the entry back unless its home lies cyclically in (hole, i].
            boolean reachable = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!reachable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        used[hole] = false;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }
}
