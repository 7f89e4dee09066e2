package org.queqiao.media.forward;

import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.Vp8Payload;

/**
 * One subscriber's copy of one simulcast track. The publisher sends the track as a few layers, each its own
 * RTP stream (SSRC, sequence numbers, timestamps, VP8 picture ids); the subscriber gets one layer at a time
 * as one stream under one SSRC of ours, and is moved to another layer only at a keyframe of that layer (a
 * decoder cannot start a layer anywhere else).
 *
 * <p>Across a move, what the receiver sees carries on: sequence numbers (a new {@link SequenceRewriter}
 * epoch, as after a pause: late packets of the new layer from before its keyframe, and every packet of the
 * old one, are dropped), timestamps (the last one sent plus the wall-clock time since, so the jitter buffer
 * sees time move normally) and for VP8 the picture id and TL0PICIDX (the last sent plus one, so libwebrtc's
 * reference finder sees no jump and keeps the frames).
 *
 * <p>The reader thread forwards, answers NACKs and reads timestamps; {@link #target} and {@link #resume} come
 * from other threads, hence volatile. Nothing is allocated per packet.
 */
public final class LayerSwitch {
    public static final int NONE = -1;
    private static final int PICTURE_ID_MASK = 0x7FFF;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int ssrc;
    private final int clockRate;
    private final boolean vp8;
    private final SequenceRewriter numbering = new SequenceRewriter();
    private volatile int target;
    private volatile boolean resumePending;
    private int current = NONE;

    private int timestampOffset;
    private boolean sentAny;
    private int lastTimestamp;
    private long lastSentNanos;
    private int pictureIdOffset;
    private boolean pictureIdSent;
    private int lastPictureId;
    private int tl0Offset;
    private boolean tl0Sent;
    private int lastTl0;

    // the publisher's values of the packet last rewritten, put back by restore()
    private int savedSsrc, savedNumber, savedTimestamp, savedPictureId, savedTl0;
    private int pictureIdAt = -1, tl0At = -1;

    /** @param ssrc the SSRC the subscriber knows the track by */
    public LayerSwitch(int ssrc, int clockRate, boolean vp8, int firstTarget) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.vp8 = vp8;
        this.target = firstTarget;
    }

    /** The layer to move to, at its next keyframe. */
    public void target(int layer) { target = layer; }

    public int target() { return target; }

    /** The layer being forwarded, {@link #NONE} before the first keyframe. */
    public int current() { return current; }

    /** Waiting for a keyframe of the target layer (the caller asks the publisher for one). */
    public boolean switchPending() { return resumePending || current != target; }

    /** Forwarding resumes after a pause: numbers carry on without the gap, from the target's next keyframe. */
    public void resume() {
        numbering.resume();
        resumePending = true;
    }

    /** The sequence rewriter of this subscriber's numbers: a NACK's numbers map back through it. */
    public SequenceRewriter numbering() { return numbering; }

    /**
     * Decides whether a packet of {@code layer} goes to this subscriber ({@code keyframe}: it starts one);
     * if so, rewrites it in place with the subscriber's SSRC, number, timestamp and picture ids and returns
     * true: the caller sends it, then calls {@link #restore}.
     */
    public boolean rewrite(byte[] buf, int off, int len, int layer, boolean keyframe, long nowNanos) {
        boolean moving = resumePending || layer != current;
        if (moving) {
            if (layer != target || !keyframe) return false;
            if (current != NONE && !resumePending) numbering.resume();
            resumePending = false;
            current = layer;
            startEpoch(buf, off, len, nowNanos);
        }
        int publisherNumber = RtpPacket.sequenceNumber(buf, off);
        int number = numbering.toSubscriber(publisherNumber);
        if (number < 0) return false;
        savedSsrc = RtpPacket.ssrc(buf, off);
        savedNumber = publisherNumber;
        savedTimestamp = RtpPacket.timestamp(buf, off);
        RtpPacket.setSsrc(buf, off, ssrc);
        RtpPacket.setSequenceNumber(buf, off, number);
        int timestamp = savedTimestamp + timestampOffset;
        RtpPacket.setTimestamp(buf, off, timestamp);
        if (!sentAny || timestamp - lastTimestamp > 0) {
            lastTimestamp = timestamp;
            lastSentNanos = nowNanos;
            sentAny = true;
        }
        rewritePayload(buf, off, len, true);
        return true;
    }

    /** Puts the publisher's values back into the packet {@link #rewrite} changed. */
    public void restore(byte[] buf, int off, int len) {
        RtpPacket.setSsrc(buf, off, savedSsrc);
        RtpPacket.setSequenceNumber(buf, off, savedNumber);
        RtpPacket.setTimestamp(buf, off, savedTimestamp);
        if (pictureIdAt >= 0) Vp8Payload.setPictureId(buf, pictureIdAt, savedPictureId);
        if (tl0At >= 0) buf[tl0At] = (byte) savedTl0;
    }

    /**
     * A retransmitted copy of a packet of the current layer (header at {@code off}, its VP8 payload at
     * {@code payloadOff}): the timestamp and picture ids the subscriber knew it by. Numbers and SSRC are the
     * caller's (RTX has its own).
     */
    public void rewriteCopy(byte[] buf, int off, int payloadOff, int payloadLength) {
        RtpPacket.setTimestamp(buf, off, RtpPacket.timestamp(buf, off) + timestampOffset);
        if (vp8) rewriteIds(buf, payloadOff, payloadLength, false);
    }

    /** A timestamp of the current layer as the subscriber knows it (its sender reports, for lip sync). */
    public int subscriberTimestamp(int publisherTimestamp) { return publisherTimestamp + timestampOffset; }

    /** The first packet of a layer (or after a pause): the offsets that make it carry on from what was sent. */
    private void startEpoch(byte[] buf, int off, int len, long nowNanos) {
        int publisherTimestamp = RtpPacket.timestamp(buf, off);
        if (sentAny) {
            long elapsed = Math.max(1, (nowNanos - lastSentNanos) * clockRate / NANOS_PER_SECOND);
            timestampOffset = (int) (lastTimestamp + elapsed - publisherTimestamp);
        }
        if (!vp8) return;
        int p = off + RtpPacket.payloadOffset(buf, off), n = RtpPacket.payloadLength(buf, off, len);
        if (n <= 0) return;
        int at = Vp8Payload.pictureIdOffset(buf, p, n);
        if (at >= 0 && pictureIdSent) pictureIdOffset = lastPictureId + 1 - Vp8Payload.pictureId(buf, p + at);
        at = Vp8Payload.tl0PicIdxOffset(buf, p, n);
        if (at >= 0 && tl0Sent) tl0Offset = lastTl0 + 1 - (buf[p + at] & 0xFF);
    }

    private void rewritePayload(byte[] buf, int off, int len, boolean remember) {
        pictureIdAt = -1;
        tl0At = -1;
        if (!vp8) return;
        int p = off + RtpPacket.payloadOffset(buf, off), n = RtpPacket.payloadLength(buf, off, len);
        if (n > 0) rewriteIds(buf, p, n, remember);
    }

    private void rewriteIds(byte[] buf, int p, int n, boolean remember) {
        int at = Vp8Payload.pictureIdOffset(buf, p, n);
        if (at >= 0) {
            int original = Vp8Payload.pictureId(buf, p + at);
            int rewritten = original + pictureIdOffset & PICTURE_ID_MASK;
            Vp8Payload.setPictureId(buf, p + at, rewritten);
            if (remember) {
                pictureIdAt = p + at;
                savedPictureId = original;
                if (!pictureIdSent || (rewritten - lastPictureId & PICTURE_ID_MASK) < PICTURE_ID_MASK / 2) lastPictureId = rewritten;
                pictureIdSent = true;
            }
        }
        at = Vp8Payload.tl0PicIdxOffset(buf, p, n);
        if (at >= 0) {
            int original = buf[p + at] & 0xFF;
            int rewritten = original + tl0Offset & 0xFF;
            buf[p + at] = (byte) rewritten;
            if (remember) {
                tl0At = p + at;
                savedTl0 = original;
                if (!tl0Sent || (rewritten - lastTl0 & 0xFF) < 0x80) lastTl0 = rewritten;
                tl0Sent = true;
            }
        }
    }
}
