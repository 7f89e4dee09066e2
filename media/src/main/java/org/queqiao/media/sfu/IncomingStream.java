package org.queqiao.media.sfu;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.queqiao.media.forward.KeyframeRequestLimiter;
import org.queqiao.media.forward.LossDetector;
import org.queqiao.media.forward.PacketCache;
import org.queqiao.media.forward.ReceiveStatistics;
import org.queqiao.media.rtp.AudioLevelExtension;
import org.queqiao.media.rtp.H264Payload;
import org.queqiao.media.rtp.HeaderExtensions;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.Vp8Payload;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.sdp.PublishedTrack;
import org.queqiao.media.sdp.ServerCodecs;

/**
 * One track a participant publishes, and everyone it is forwarded to. A packet is rewritten once to our
 * payload type and extension ids, counted, cached (for retransmissions: RTX for video, the packet itself
 * for audio) and then sent to every subscriber with that subscriber's sequence number (the publisher's own
 * until a pause, see {@link Outgoing}): each subscriber's transport encrypts it with its own keys.
 *
 * <p>The packet path runs on the socket's reader thread; the loss detector, statistics and keyframe
 * limiter are also read by the timer thread, so those three are touched under this object's lock.
 */
final class IncomingStream {
    private static final Outgoing[] NONE = new Outgoing[0];
    /** Opus sends 50 packets a second: 64 slots hold more than the second a retransmission is worth asking for. */
    private static final int AUDIO_CACHE_SLOTS = 64;

    private final ParticipantMedia owner;
    private final TrackSource source;
    private final String mid;
    private final int ssrc;
    private final int rtxSsrc;
    private final int[] payloadTypes;
    private final byte[] extensionIds = new byte[256];
    private final int clockRate;
    private final boolean video;
    private final PacketCache cache;
    private final ReceiveStatistics stats;
    private final LossDetector loss = new LossDetector();
    private final KeyframeRequestLimiter keyframes;
    private volatile Outgoing[] subscribers = NONE;
    private volatile boolean forwarding = true;

    IncomingStream(ParticipantMedia owner, TrackSource source, PublishedTrack recipe, int ssrc, long keyframeIntervalMillis) {
        this.owner = owner;
        this.source = source;
        this.mid = recipe.mid();
        this.ssrc = ssrc;
        this.video = recipe.kind() == MediaKind.VIDEO;
        // Video subscribers need an RTX SSRC for our retransmissions even when the publisher has none.
        this.rtxSsrc = !video ? 0 : recipe.rtxSsrc() >= 0 ? (int) recipe.rtxSsrc() : ThreadLocalRandom.current().nextInt();
        this.payloadTypes = recipe.payloadTypes();
        for (int i = 0; i < 256; i++) extensionIds[i] = (byte) recipe.extensionIds()[i];
        int ourType = 0;
        for (int pt : payloadTypes) if (pt >= 0) ourType = pt;
        this.clockRate = ServerCodecs.clockRate(ourType);
        this.cache = video ? new PacketCache() : new PacketCache(AUDIO_CACHE_SLOTS, PacketCache.DEFAULT_MAX_PACKET_LENGTH, PacketCache.DEFAULT_MAX_AGE_MILLIS);
        this.stats = new ReceiveStatistics(ssrc, clockRate,
                video ? ReceiveStatistics.FractionLost.AFTER_REPAIR : ReceiveStatistics.FractionLost.BEFORE_REPAIR);
        this.keyframes = new KeyframeRequestLimiter(keyframeIntervalMillis);
    }

    String participantId() { return owner.id(); }

    ParticipantMedia owner() { return owner; }

    TrackSource source() { return source; }

    MediaKind kind() { return video ? MediaKind.VIDEO : MediaKind.AUDIO; }

    String mid() { return mid; }

    long ssrc() { return ssrc & 0xFFFFFFFFL; }

    /** The RTX SSRC subscribers are told about, or -1 for audio (resent as it was, without RTX). */
    long rtxSsrc() { return video ? rtxSsrc & 0xFFFFFFFFL : -1; }

    int rawSsrc() { return ssrc; }

    int rawRtxSsrc() { return rtxSsrc; }

    String trackId() { return source.wireName() + "-" + Integer.toUnsignedString(ssrc); }

    /** Our RTX payload type for this stream's codec. */
    int rtxPayloadType() {
        for (int pt : payloadTypes) if (pt >= 0) return ServerCodecs.rtxOf(pt);
        return -1;
    }

    PacketCache cache() { return cache; }

    /** Host control: stop or resume forwarding; on resuming, subscribers' numbers carry on without the gap. */
    synchronized void forwarding(boolean on) {
        if (on && !forwarding) for (Outgoing o : subscribers) o.resume();
        forwarding = on;
    }

    /** The packet path: {@code retransmission} when it arrived as RTX after our NACK. */
    void receive(byte[] buf, int off, int len, boolean retransmission, long nowNanos) {
        int ours = payloadTypes[RtpPacket.payloadType(buf, off)];
        if (ours < 0) return; // a payload type we did not accept
        RtpPacket.setPayloadType(buf, off, ours);
        if (RtpPacket.hasExtension(buf, off)) HeaderExtensions.rewriteIds(buf, off, len, extensionIds);
        long nowMillis = nowNanos / 1_000_000;
        int seq = RtpPacket.sequenceNumber(buf, off);
        boolean keyframe = video && isKeyframe(buf, off, len, ours);
        synchronized (this) {
            boolean filledGap = loss.onPacket(seq, nowMillis);
            // Video's repairs come as RTX; audio's are resent as they were, and known by the gap they fill. Audio's
            // report blocks give the loss before repair as their fraction (the publisher's Opus FEC follows it) and
            // after repair as their count (its bandwidth estimate follows that): ADR 0009 §11.
            stats.onPacket(seq, RtpPacket.timestamp(buf, off), nowNanos, video ? retransmission : filledGap);
            if (keyframe) keyframes.onKeyframe();
        }
        if (!video) {
            int value = AudioLevelExtension.read(buf, off, len, ServerCodecs.AUDIO_LEVEL_ID);
            if (value != AudioLevelExtension.ABSENT) owner.room().speakers().level(owner.id(), AudioLevelExtension.level(value), nowMillis);
        }
        if (!forwarding) return;
        cache.store(buf, off, len, nowMillis);
        for (Outgoing o : subscribers) o.forward(buf, off, len, seq);
    }

    private static boolean isKeyframe(byte[] buf, int off, int len, int payloadType) {
        int p = off + RtpPacket.payloadOffset(buf, off);
        int n = RtpPacket.payloadLength(buf, off, len);
        if (n <= 0) return false;
        return payloadType == ServerCodecs.VP8.payloadType() ? Vp8Payload.isKeyframe(buf, p, n) : H264Payload.isKeyframe(buf, p, n);
    }

    /** Passes a publisher's sender report on to subscribers, for their lip sync and statistics. */
    void forwardSenderReport(byte[] buf, int off, int len, int compactNtp, long nowMillis) {
        synchronized (this) {
            stats.onSenderReport(compactNtp, nowMillis);
        }
        if (!forwarding) return;
        for (Outgoing o : subscribers) o.subscriber().sendRtcp(buf, off, len);
    }

    /** A subscriber asked for a keyframe (PLI/FIR, or it just started receiving): true when one should go out now. */
    synchronized boolean keyframeWanted(long nowMillis) { return keyframes.request(nowMillis); }

    synchronized boolean keyframeDue(long nowMillis) { return keyframes.pollPending(nowMillis); }

    /**
     * The sequence numbers due for a NACK now, asking again for unanswered ones after {@code retryMillis}, up
     * to {@code maxNacks} times.
     */
    synchronized int missing(long nowMillis, long retryMillis, int maxNacks, int[] out) {
        loss.setRetryIntervalMillis(retryMillis);
        loss.setMaxNacks(maxNacks);
        return loss.poll(nowMillis, out);
    }

    synchronized int writeReportBlock(byte[] buf, int off, long nowMillis) {
        return stats.hasReceived() ? stats.writeReportBlock(buf, off, nowMillis) : 0;
    }

    synchronized void addSubscriber(Outgoing o) {
        for (Outgoing x : subscribers) if (x.subscriber() == o.subscriber()) return;
        Outgoing[] next = Arrays.copyOf(subscribers, subscribers.length + 1);
        next[next.length - 1] = o;
        subscribers = next;
    }

    synchronized void removeSubscriber(SubscriberSession s) {
        subscribers = Arrays.stream(subscribers).filter(x -> x.subscriber() != s).toArray(Outgoing[]::new);
    }

    boolean forwardsTo(SubscriberSession s) {
        for (Outgoing o : subscribers) if (o.subscriber() == s) return true;
        return false;
    }

    int subscriberCount() { return subscribers.length; }
}
