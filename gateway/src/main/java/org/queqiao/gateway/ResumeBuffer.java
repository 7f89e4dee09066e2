package org.queqiao.gateway;

import java.util.function.Consumer;

/**
 * The unacknowledged pushes of one session, oldest first: at most {@code capacity} of them and at most
 * {@code maxBytes} of their memory ({@link PushFrame#heapBytes()}), the oldest dropped first. The byte bound
 * is what keeps a client that never acknowledges from holding 256 large pushes (a long message is tens of
 * kilobytes) on every one of its sessions; the newest push is always kept, whatever its size. Starts
 * without an array and gives it back once everything is acknowledged, because most connections are idle
 * most of the time. Not thread-safe: the owning {@link ClientSession} guards it.
 */
final class ResumeBuffer {
    private static final PushFrame[] NONE = new PushFrame[0];
    private static final int INITIAL_SLOTS = 4;

    private final int capacity;
    private final long maxBytes;
    private PushFrame[] ring = NONE;
    private int head;
    private int size;
    private long bytes;

    ResumeBuffer(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    void add(PushFrame frame) {
        if (capacity == 0) return;
        if (size == capacity) removeOldest();
        if (size == ring.length) grow();
        ring[(head + size) % ring.length] = frame;
        size++;
        bytes += frame.heapBytes();
        while (bytes > maxBytes && size > 1) removeOldest();
    }

    /** Forgets every push with a sequence number up to and including {@code seq}. */
    void dropThrough(long seq) {
        while (size > 0 && ring[head].seq() <= seq) removeOldest();
        if (size == 0) clear();
    }

    /** The oldest sequence number still held, or {@code nextSeq} when nothing is held. */
    long oldestSeqOr(long nextSeq) {
        return size == 0 ? nextSeq : ring[head].seq();
    }

    void forEach(Consumer<PushFrame> action) {
        for (int i = 0; i < size; i++) action.accept(ring[(head + i) % ring.length]);
    }

    int size() {
        return size;
    }

    /** The memory the held pushes take, as {@link PushFrame#heapBytes()} estimates it. */
    long bytes() {
        return bytes;
    }

    void clear() {
        ring = NONE;
        head = 0;
        size = 0;
        bytes = 0;
    }

    private void removeOldest() {
        bytes -= ring[head].heapBytes();
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
    }

    private void grow() {
        PushFrame[] bigger = new PushFrame[Math.min(capacity, Math.max(INITIAL_SLOTS, ring.length * 2))];
        for (int i = 0; i < size; i++) bigger[i] = ring[(head + i) % ring.length];
        ring = bigger;
        head = 0;
    }
}
