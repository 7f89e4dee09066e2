package org.queqiao.media.sfu;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
 * <p>A track arrives as one RTP stream, or as simulcast layers (ADR 0009 §14), each a {@link Layer}: then
 * subscribers know the track by SSRCs of ours, and each is sent one layer at a time.
 *
 * <p>The packet path runs on the socket's reader thread; each layer's loss detector, statistics and
 * keyframe limiter are also read by the timer thread, so those are touched under this object's lock.
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
    private final boolean video;
    /** Video whose frame ends subscribers may get twice (ADR 0009 §16): only then are they marked and metered. */
    private final boolean copiesFrameEnds;
    private final int clockRate;
    private final boolean vp8;
    private final Layer[] layers;
    /** The publisher's ids of the extensions that name a packet's m-section and layer (-1: not negotiated). */
    private final int midExtensionId, ridExtensionId, repairedRidExtensionId;
    private volatile Outgoing[] subscribers = NONE;
    private volatile boolean forwarding = true;

    IncomingStream(ParticipantMedia owner, TrackSource source, PublishedTrack recipe, long keyframeIntervalMillis) {
        this.owner = owner;
        this.source = source;
        this.mid = recipe.mid();
        this.video = recipe.kind() == MediaKind.VIDEO;
        this.copiesFrameEnds = video && owner.room().router().settings().frameEndCopies();
        this.payloadTypes = recipe.payloadTypes();
        this.midExtensionId = recipe.midExtensionId();
        this.ridExtensionId = recipe.ridExtensionId();
        this.repairedRidExtensionId = recipe.repairedRidExtensionId();
        for (int i = 0; i < 256; i++) extensionIds[i] = (byte) recipe.extensionIds()[i];
        int ourType = 0;
        for (int pt : payloadTypes) if (pt >= 0) ourType = pt;
        this.clockRate = ServerCodecs.clockRate(ourType);
        this.vp8 = ourType == ServerCodecs.VP8.payloadType();
        var fraction = video ? ReceiveStatistics.FractionLost.AFTER_REPAIR : ReceiveStatistics.FractionLost.BEFORE_REPAIR;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> rids = recipe.rids(); // the simulcast layers, lowest first; fewer than two: one stream
        if (video && rids.size() > 1) {
            this.layers = new Layer[rids.size()];
            for (int i = 0; i < layers.length; i++) {
                layers[i] = new Layer(this, i, rids.get(i), Layer.UNKNOWN, Layer.UNKNOWN, new PacketCache(), clockRate, fraction, keyframeIntervalMillis);
            }
            this.ssrc = random.nextInt(); // subscribers know the track by SSRCs of ours, whichever layer they get
            this.rtxSsrc = random.nextInt();
        } else {
            PacketCache cache = video ? new PacketCache() : new PacketCache(AUDIO_CACHE_SLOTS, PacketCache.DEFAULT_MAX_PACKET_LENGTH, PacketCache.DEFAULT_MAX_AGE_MILLIS);
            this.layers = new Layer[] {new Layer(this, 0, null, recipe.ssrc(), recipe.rtxSsrc(), cache, clockRate, fraction, keyframeIntervalMillis)};
            this.ssrc = (int) recipe.ssrc();
            // Video subscribers need an RTX SSRC for our retransmissions even when the publisher has none.
            this.rtxSsrc = !video ? 0 : recipe.rtxSsrc() >= 0 ? (int) recipe.rtxSsrc() : random.nextInt();
        }
    }

    String participantId() { return owner.id(); }

    ParticipantMedia owner() { return owner; }

    TrackSource source() { return source; }

    MediaKind kind() { return video ? MediaKind.VIDEO : MediaKind.AUDIO; }

    String mid() { return mid; }

    /** The SSRC subscribers know the track by. */
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

    boolean simulcast() { return layers.length > 1; }

    int clockRate() { return clockRate; }

    boolean vp8() { return vp8; }

    Layer[] layers() { return layers; }

    /** The packets of a track sent as one stream. */
    PacketCache cache() { return layers[0].cache; }

    /** The layer of that rid, or null. */
    Layer layer(String rid) {
        for (Layer l : layers) if (rid.equals(l.rid)) return l;
        return null;
    }

    int midExtensionId() { return midExtensionId; }

    int ridExtensionId() { return ridExtensionId; }

    int repairedRidExtensionId() { return repairedRidExtensionId; }

    /** The layer a packet belongs to, by its SSRC, or null. */
    Layer layerBySsrc(int packetSsrc) {
        for (Layer l : layers) if (l.known() && l.rawSsrc() == packetSsrc) return l;
        return null;
    }

    /** Reader thread: a simulcast layer's first packet named it by its rid. */
    synchronized void bind(Layer layer, long packetSsrc) {
        if (!layer.known()) layer.bind(packetSsrc);
    }

    /** Host control: stop or resume forwarding; on resuming, subscribers' numbers carry on without the gap. */
    synchronized void forwarding(boolean on) {
        if (on && !forwarding) for (Outgoing o : subscribers) o.resume();
        forwarding = on;
    }

    /** The packet path: {@code retransmission} when it arrived as RTX after our NACK. */
    void receive(Layer layer, byte[] buf, int off, int len, boolean retransmission, long nowNanos) {
        int ours = payloadTypes[RtpPacket.payloadType(buf, off)];
        if (ours < 0) return; // a payload type we did not accept
        RtpPacket.setPayloadType(buf, off, ours);
        if (RtpPacket.hasExtension(buf, off)) HeaderExtensions.rewriteIds(buf, off, len, extensionIds);
        long nowMillis = nowNanos / 1_000_000;
        int seq = RtpPacket.sequenceNumber(buf, off);
        boolean keyframe = video && isKeyframe(layer, buf, off, len, ours);
        boolean gapOpened;
        synchronized (this) {
            int missingBefore = layer.loss.missingCount();
            boolean filledGap = layer.loss.onPacket(seq, nowMillis);
            gapOpened = layer.loss.missingCount() > missingBefore;
            // Video's repairs come as RTX; audio's are resent as they were, and known by the gap they fill. Audio's
            // report blocks give the loss before repair as their fraction (the publisher's Opus FEC follows it) and
            // after repair as their count (its bandwidth estimate follows that): ADR 0009 §11.
            layer.stats().onPacket(seq, RtpPacket.timestamp(buf, off), nowNanos, video ? retransmission : filledGap);
            if (keyframe) layer.keyframes.onKeyframe();
        }
        // a receiver learns late of the loss of a frame's last packet, and has already waited for a repair
        boolean worthCopying = copiesFrameEnds && (RtpPacket.marker(buf, off) || retransmission);
        layer.received(len, worthCopying, nowNanos);
        if (!video) {
            int value = AudioLevelExtension.read(buf, off, len, ServerCodecs.AUDIO_LEVEL_ID);
            if (value != AudioLevelExtension.ABSENT) owner.room().speakers().level(owner.id(), AudioLevelExtension.level(value), nowMillis);
        }
        if (forwarding) {
            layer.cache.store(buf, off, len, nowMillis);
            for (Outgoing o : subscribers) o.forward(buf, off, len, seq, layer, keyframe, worthCopying, nowNanos);
        }
        if (gapOpened) owner.nackNow(layer, nowNanos); // after forwarding: the packet in hand is not held up
    }

    private static boolean isKeyframe(Layer layer, byte[] buf, int off, int len, int payloadType) {
        int p = off + RtpPacket.payloadOffset(buf, off);
        int n = RtpPacket.payloadLength(buf, off, len);
        if (n <= 0) return false;
        if (payloadType != ServerCodecs.VP8.payloadType()) return H264Payload.isKeyframe(buf, p, n);
        if (!Vp8Payload.isKeyframe(buf, p, n)) return false;
        layer.height(Vp8Payload.keyframeHeight(buf, p, n));
        return true;
    }

    /** Passes a publisher's sender report on to subscribers, for their lip sync and statistics. */
    void forwardSenderReport(Layer layer, byte[] buf, int off, int len, int compactNtp, long nowMillis) {
        synchronized (this) {
            layer.stats().onSenderReport(compactNtp, nowMillis);
        }
        if (!forwarding) return;
        for (Outgoing o : subscribers) o.senderReport(buf, off, len, layer);
    }

    /** A subscriber asked for a keyframe of a layer (PLI/FIR, or it just started receiving): true when one should go out now. */
    synchronized boolean keyframeWanted(Layer layer, long nowMillis) { return layer.keyframes.request(nowMillis); }

    synchronized boolean keyframeDue(Layer layer, long nowMillis) { return layer.keyframes.pollPending(nowMillis); }

    /**
     * The sequence numbers of a layer due for a NACK now, asking again for unanswered ones after
     * {@code retryMillis}, up to {@code maxNacks} times.
     */
    synchronized int missing(Layer layer, long nowMillis, long retryMillis, int maxNacks, int[] out) {
        layer.loss.setRetryIntervalMillis(retryMillis);
        layer.loss.setMaxNacks(maxNacks);
        return layer.loss.poll(nowMillis, out);
    }

    synchronized int writeReportBlock(Layer layer, byte[] buf, int off, long nowMillis) {
        ReceiveStatistics stats = layer.stats();
        return stats != null && stats.hasReceived() ? stats.writeReportBlock(buf, off, nowMillis) : 0;
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
