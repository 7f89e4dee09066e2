package org.queqiao.media.forward;

import java.util.Arrays;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.SequenceNumbers;

/**
 * The last packets of one outgoing stream (one SSRC), copied into preallocated slots, so that NACKs can
 * be answered (RFC 4588). A packet lives in slot {@code seq % capacity}; the capacity is a power of two
 * dividing 65536, so the slot of a sequence number does not change when the 16-bit number wraps.
 *
 * <p>Lookup checks the exact sequence number and an age limit, so that a packet from 65536 sequence numbers
 * ago, or one older than ~1 s, is never returned for a new request. Size it to about a second of the
 * stream: 512 slots of 1500 bytes (768 KB) hold a 5 Mbit/s video stream for a second.
 *
 * <p>One thread at a time (the stream's sender thread); not synchronized.
 */
public final class PacketCache {
    public static final int DEFAULT_CAPACITY = 512;
    public static final int DEFAULT_MAX_PACKET_LENGTH = 1500;
    public static final long DEFAULT_MAX_AGE_MILLIS = 1000;

    private final byte[][] slots;
    private final int[] lengths;
    private final int[] sequenceNumbers;
    private final long[] storedAtMillis;
    private final long[] generations;
    private final int mask;
    private final int maxPacketLength;
    private final long maxAgeMillis;
    private long nextGeneration = 1;

    public PacketCache() {
        this(DEFAULT_CAPACITY, DEFAULT_MAX_PACKET_LENGTH, DEFAULT_MAX_AGE_MILLIS);
    }

    /** @param capacity a power of two from 1 to 32768 */
    public PacketCache(int capacity, int maxPacketLength, long maxAgeMillis) {
        if (capacity < 1 || capacity > 32768 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two up to 32768, not " + capacity);
        }
        this.slots = new byte[capacity][maxPacketLength];
        this.lengths = new int[capacity];
        this.sequenceNumbers = new int[capacity];
        this.storedAtMillis = new long[capacity];
        this.generations = new long[capacity];
        this.mask = capacity - 1;
        this.maxPacketLength = maxPacketLength;
        this.maxAgeMillis = maxAgeMillis;
        clear();
    }

    /**
     * Copies a valid RTP packet in. Returns false (and stores nothing) when it is longer than the slots,
     * or when its slot holds a newer, still fresh packet: a late packet must not evict a newer one.
     */
    public boolean store(byte[] buf, int off, int len, long nowMillis) {
        if (len > maxPacketLength) {
            return false;
        }
        int seq = RtpPacket.sequenceNumber(buf, off);
        int slot = seq & mask;
        if (isFresh(slot, nowMillis) && SequenceNumbers.isNewer(sequenceNumbers[slot], seq)) {
            return false;
        }
        System.arraycopy(buf, off, slots[slot], 0, len);
        lengths[slot] = len;
        sequenceNumbers[slot] = seq;
        storedAtMillis[slot] = nowMillis;
        generations[slot] = nextGeneration++;
        return true;
    }

    /** The slot holding {@code sequenceNumber} if it is cached and not older than the age limit, else -1. */
    public int find(int sequenceNumber, long nowMillis) {
        int slot = sequenceNumber & mask;
        return sequenceNumbers[slot] == (sequenceNumber & 0xFFFF) && isFresh(slot, nowMillis) ? slot : -1;
    }

    private boolean isFresh(int slot, long nowMillis) {
        return sequenceNumbers[slot] >= 0 && nowMillis - storedAtMillis[slot] <= maxAgeMillis;
    }

    /** The packet bytes of a slot {@link #find} returned start at offset 0 of this array. */
    public byte[] buffer(int slot) {
        return slots[slot];
    }

    public int length(int slot) {
        return lengths[slot];
    }

    public long storedAtMillis(int slot) {
        return storedAtMillis[slot];
    }

    /**
     * A number unique to this occupation of the slot: it changes whenever a packet is stored, so that
     * per-packet state kept beside the cache (when a packet was last retransmitted) can tell a new packet
     * in the same slot from the old one.
     */
    public long generation(int slot) {
        return generations[slot];
    }

    public int capacity() {
        return mask + 1;
    }

    public int maxPacketLength() {
        return maxPacketLength;
    }

    public void clear() {
        Arrays.fill(sequenceNumbers, -1);
        Arrays.fill(lengths, 0);
    }
}
