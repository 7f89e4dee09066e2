package org.queqiao.media.forward;

import org.queqiao.media.rtp.Bytes;
import org.queqiao.media.rtp.Nack;
import org.queqiao.media.rtp.RtpPacket;

/**
 * Answers a subscriber's NACKs for one outgoing stream with RTX retransmissions (RFC 4588 §4) from its
 * {@link PacketCache}. The RTX packet keeps the original's header (timestamp, marker, CSRCs, header
 * extensions) but carries the RTX SSRC, the RTX payload type and the next number of its own sequence,
 * and the payload is the original sequence number (OSN, 2 bytes) followed by the original payload
 * without its padding.
 *
 * <p>A stream without RTX (audio: browsers negotiate none for Opus) is answered with the original packet,
 * unchanged, as libwebrtc's own senders do: {@link #resendingOriginals}.
 *
 * <p>Limits, because NACKs come repeatedly and in bursts: a packet is not resent again within
 * {@code minResendIntervalMillis} (roughly an RTT: the earlier copy may still be on its way), and a
 * packet older than {@code maxAgeMillis} is not resent at all (the receiver has given up on it).
 *
 * <p>With a {@link SequenceRewriter} the subscriber's NACKs name its own sequence numbers: each is mapped back
 * to the publisher's to find the packet, and the retransmission carries the subscriber's number again (as OSN
 * in RTX, as the header's number when resent as it was).
 *
 * <p>It also sends copies nobody asked for ({@link #sendCopy}): the last packet of each frame to a receiver whose
 * link loses packets (ADR 0009 §16).
 *
 * <p>One thread at a time (the stream's sender thread, which also fills the cache); not synchronized.
 */
public final class RetransmissionResponder {
    public static final long DEFAULT_MIN_RESEND_INTERVAL_MILLIS = 10;
    public static final long DEFAULT_MAX_AGE_MILLIS = 1000;

    /** The packet is not (or no longer) in the cache. */
    public static final int NOT_CACHED = -1;
    /** The packet is cached but older than the age limit. */
    public static final int TOO_OLD = -2;
    /** The packet was retransmitted less than the minimum interval ago. */
    public static final int RESENT_RECENTLY = -3;
    /** The output buffer cannot hold the RTX packet. */
    public static final int NO_ROOM = -4;

    private static final int NO_RTX = -1;

    private PacketCache cache;
    private final SequenceRewriter numbering;
    /** A simulcast subscriber's: copies carry the timestamps and picture ids it knew the originals by; else null. */
    private LayerSwitch layers;
    private final int rtxSsrc;
    private final int rtxPayloadType;
    private final long minResendIntervalMillis;
    private final long maxAgeMillis;
    private final long[] resentGeneration;
    private final long[] resentAtMillis;
    private final byte[] scratch;
    private int rtxSequenceNumber;

    private long requested;
    private long retransmitted;
    private long notCached;
    private long tooOld;
    private long resentRecently;
    private long copied;

    public RetransmissionResponder(PacketCache cache, int rtxSsrc, int rtxPayloadType) {
        this(cache, null, rtxSsrc, rtxPayloadType, DEFAULT_MIN_RESEND_INTERVAL_MILLIS, DEFAULT_MAX_AGE_MILLIS, 0);
    }

    /** RTX for a subscriber whose sequence numbers {@code numbering} gives. */
    public RetransmissionResponder(PacketCache cache, SequenceRewriter numbering, int rtxSsrc, int rtxPayloadType) {
        this(cache, numbering, rtxSsrc, rtxPayloadType, DEFAULT_MIN_RESEND_INTERVAL_MILLIS, DEFAULT_MAX_AGE_MILLIS, 0);
    }

    /**
     * RTX for a simulcast subscriber ({@link LayerSwitch}): its NACKs map back through the switch's numbers,
     * the packet is looked up in the cache of the layer it gets ({@link #useCache}), and the copy carries the
     * timestamp and VP8 picture ids the subscriber knew the original by.
     */
    public static RetransmissionResponder forLayers(LayerSwitch layers, PacketCache cache, int rtxSsrc, int rtxPayloadType) {
        var r = new RetransmissionResponder(cache, layers.numbering(), rtxSsrc, rtxPayloadType);
        r.layers = layers;
        return r;
    }

    /**
     * The cache to answer from from now on (a simulcast subscriber moved to another layer: numbers from before
     * the move are no longer answered anyway). Caches must have the same capacity.
     */
    public void useCache(PacketCache next) {
        if (next == cache) return;
        if (next.capacity() != cache.capacity()) throw new IllegalArgumentException("caches of different capacities");
        cache = next;
        java.util.Arrays.fill(resentAtMillis, 0);
        java.util.Arrays.fill(resentGeneration, -1);
    }

    /** For a stream without RTX: a NACKed packet is sent again as it was first sent (null: the publisher's numbers). */
    public static RetransmissionResponder resendingOriginals(PacketCache cache, SequenceRewriter numbering) {
        return new RetransmissionResponder(cache, numbering, 0, NO_RTX, DEFAULT_MIN_RESEND_INTERVAL_MILLIS, DEFAULT_MAX_AGE_MILLIS, 0);
    }

    /**
     * @param numbering the subscriber's sequence numbers, or null when they are the publisher's
     * @param firstRtxSequenceNumber RFC 3550 §5.1 recommends a random start; the caller picks it
     */
    public RetransmissionResponder(PacketCache cache, SequenceRewriter numbering, int rtxSsrc, int rtxPayloadType,
                                   long minResendIntervalMillis, long maxAgeMillis, int firstRtxSequenceNumber) {
        this.cache = cache;
        this.numbering = numbering;
        this.rtxSsrc = rtxSsrc;
        this.rtxPayloadType = rtxPayloadType;
        this.minResendIntervalMillis = minResendIntervalMillis;
        this.maxAgeMillis = maxAgeMillis;
        this.resentGeneration = new long[cache.capacity()];
        this.resentAtMillis = new long[cache.capacity()];
        this.scratch = new byte[cache.maxPacketLength() + 2];
        this.rtxSequenceNumber = firstRtxSequenceNumber & 0xFFFF;
    }

    /**
     * Retransmits every sequence number a NACK (as {@link org.queqiao.media.rtp.RtcpCompoundIterator}
     * yields it) asks for, handing each RTX packet to {@code sink}; returns how many were sent.
     */
    public int respond(byte[] rtcp, int off, int len, long nowMillis, PacketSink sink) {
        int entries = Nack.entryCount(rtcp, off, len);
        int sent = 0;
        for (int i = 0; i < entries; i++) {
            int pid = Nack.packetId(rtcp, off, i);
            int blp = Nack.lostBitmask(rtcp, off, i);
            sent += respondTo(pid, nowMillis, sink);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & 1 << bit) != 0) {
                    sent += respondTo(pid + bit + 1 & 0xFFFF, nowMillis, sink);
                }
            }
        }
        return sent;
    }

    private int respondTo(int subscriberNumber, long nowMillis, PacketSink sink) {
        int original = numbering == null ? subscriberNumber : numbering.toPublisher(subscriberNumber);
        if (original < 0) { // not sent to this subscriber in its current numbering
            requested++;
            notCached++;
            return 0;
        }
        int length = retransmit(original, subscriberNumber, nowMillis, scratch, 0);
        if (length <= 0) {
            return 0;
        }
        sink.accept(scratch, 0, length);
        return 1;
    }

    /**
     * Sends {@code sink} a copy of a packet just forwarded, unasked, as it would answer a NACK for it (RTX, the
     * subscriber's number as OSN): when a frame's last packet is lost the receiver sees no gap until the next frame,
     * a frame interval later, and only then asks. Counts as {@link #copied}, not as an answer; a NACK for the packet
     * within the resend interval is not answered again. Returns whether a copy went out.
     */
    public boolean sendCopy(int sequenceNumber, int subscriberNumber, long nowMillis, PacketSink sink) {
        int slot = cache.find(sequenceNumber, nowMillis);
        if (slot < 0) return false;
        int length = write(slot, subscriberNumber, nowMillis, scratch, 0);
        if (length <= 0) return false;
        copied++;
        sink.accept(scratch, 0, length);
        return true;
    }

    /**
     * Writes the RTX packet for {@code sequenceNumber} into {@code out} at {@code outOff} and returns its
     * length, or a negative reason ({@link #NOT_CACHED}, {@link #TOO_OLD}, {@link #RESENT_RECENTLY},
     * {@link #NO_ROOM}) when nothing is to be sent.
     */
    public int retransmit(int sequenceNumber, long nowMillis, byte[] out, int outOff) {
        return retransmit(sequenceNumber, sequenceNumber, nowMillis, out, outOff);
    }

    /** As {@link #retransmit(int, long, byte[], int)}, for a subscriber that knew the packet as {@code subscriberNumber}. */
    public int retransmit(int sequenceNumber, int subscriberNumber, long nowMillis, byte[] out, int outOff) {
        requested++;
        int slot = cache.find(sequenceNumber, nowMillis);
        if (slot < 0) {
            notCached++;
            return NOT_CACHED;
        }
        if (nowMillis - cache.storedAtMillis(slot) > maxAgeMillis) {
            tooOld++;
            return TOO_OLD;
        }
        if (resentGeneration[slot] == cache.generation(slot) && nowMillis - resentAtMillis[slot] < minResendIntervalMillis) {
            resentRecently++;
            return RESENT_RECENTLY;
        }
        int length = write(slot, subscriberNumber, nowMillis, out, outOff);
        if (length > 0) retransmitted++;
        return length;
    }

    /** The copy of the cached packet in {@code slot}, remembered as resent now; its length or {@link #NO_ROOM}. */
    private int write(int slot, int subscriberNumber, long nowMillis, byte[] out, int outOff) {
        byte[] original = cache.buffer(slot);
        int length = rtxPayloadType == NO_RTX ? copyOriginal(original, cache.length(slot), subscriberNumber, out, outOff)
                : writeRtx(original, cache.length(slot), subscriberNumber, out, outOff);
        if (length == NO_ROOM) {
            return NO_ROOM;
        }
        resentGeneration[slot] = cache.generation(slot);
        resentAtMillis[slot] = nowMillis;
        return length;
    }

    private static int copyOriginal(byte[] original, int length, int subscriberNumber, byte[] out, int outOff) {
        if (outOff < 0 || length > out.length - outOff) {
            return NO_ROOM;
        }
        System.arraycopy(original, 0, out, outOff, length);
        RtpPacket.setSequenceNumber(out, outOff, subscriberNumber);
        return length;
    }

    private int writeRtx(byte[] original, int originalLength, int subscriberNumber, byte[] out, int outOff) {
        int headerLength = RtpPacket.headerLength(original, 0);
        int payloadLength = RtpPacket.payloadLength(original, 0, originalLength);
        int length = headerLength + 2 + payloadLength;
        if (outOff < 0 || length > out.length - outOff) {
            return NO_ROOM;
        }
        System.arraycopy(original, 0, out, outOff, headerLength);
        RtpPacket.clearPadding(out, outOff);
        RtpPacket.setSsrc(out, outOff, rtxSsrc);
        RtpPacket.setPayloadType(out, outOff, rtxPayloadType);
        RtpPacket.setSequenceNumber(out, outOff, rtxSequenceNumber);
        rtxSequenceNumber = rtxSequenceNumber + 1 & 0xFFFF;
        Bytes.put16(out, outOff + headerLength, subscriberNumber); // OSN: the number the subscriber knows
        System.arraycopy(original, headerLength, out, outOff + headerLength + 2, payloadLength);
        if (layers != null) layers.rewriteCopy(out, outOff, outOff + headerLength + 2, payloadLength);
        return length;
    }

    /** Sequence numbers asked for, whether answered or not. */
    public long requested() {
        return requested;
    }

    public long retransmitted() {
        return retransmitted;
    }

    public long notCached() {
        return notCached;
    }

    public long tooOld() {
        return tooOld;
    }

    public long resentRecently() {
        return resentRecently;
    }

    /** Copies sent unasked ({@link #sendCopy}). */
    public long copied() {
        return copied;
    }
}
