package org.queqiao.media.sfu;

import java.util.ArrayList;
import java.util.List;
import org.queqiao.media.cc.DeliveredRate;
import org.queqiao.media.cc.StandingQueue;
import org.queqiao.media.cc.TransportSequence;
import org.queqiao.media.forward.RateMeter;
import org.queqiao.media.rtp.ReceiverReport;
import org.queqiao.media.rtp.Remb;
import org.queqiao.media.rtp.ReportBlock;
import org.queqiao.media.rtp.TransportFeedback;
import org.queqiao.media.sdp.MediaKind;

/**
 * One subscriber's simulcast layers fitted to its downlink (ADR 0009 §15): counts what we send it, reads
 * the loss of its receiver reports and its REMB into a {@link DownlinkEstimate}, and moves each camera to the
 * layer {@link LayerAllocator} gives it. The packet path counts and reports arrive on the reader thread; the
 * allocation runs on the timer thread and on a new view.
 */
final class DownlinkFit {
    private final AdaptationStats stats;
    private final RateMeter sent = new RateMeter();
    private final DownlinkEstimate estimate = new DownlinkEstimate();
    /** Null when the router does not send copies ({@link RouterSettings#frameEndCopies}). */
    private final FrameEndCopies copies;
    /** Null until the subscriber's answer takes transport-wide numbers; then read from its feedback (ADR 0009 §17). */
    private volatile StandingQueue queue;
    private DeliveredRate delivered;
    /** Tells both readers of the feedback about each packet, in one pass (reader thread). */
    private final TransportFeedback.Visitor feedback = new TransportFeedback.Visitor() {
        @Override
        public void received(int sequence, long arrivalMicros) {
            queue.received(sequence, arrivalMicros);
            delivered.received(sequence, arrivalMicros);
        }

        @Override
        public void lost(int sequence) {}
    };
    /** The most the subscriber's views could use (the last allocation's), which the estimate does not grow past. */
    private volatile long ceilingBps = DownlinkEstimate.INITIAL_BPS;

    DownlinkFit(AdaptationStats stats, boolean frameEndCopies) {
        this.stats = stats;
        this.copies = frameEndCopies ? new FrameEndCopies() : null;
    }

    /** Reader thread: an RTP packet (forwarded or resent) went to the subscriber. */
    void sent(int length, long nowNanos) { sent.add(length, nowNanos); }

    /** The loss a receiver report gives for the video we forward in {@code outgoing} (the mean of its blocks). */
    void receiverReport(byte[] buf, int off, int len, Outgoing[] outgoing, long nowNanos) {
        int count = Math.min(ReceiverReport.reportCount(buf, off), (len - ReceiverReport.REPORT_BLOCKS_OFFSET) / ReportBlock.LENGTH);
        int blocks = 0, fractions = 0;
        for (int i = 0; i < count; i++) {
            int block = ReceiverReport.reportBlockOffset(off, i);
            Outgoing o = Outgoing.bySsrc(outgoing, ReportBlock.ssrc(buf, block));
            if (o == null || o.stream().kind() != MediaKind.VIDEO) continue;
            fractions += ReportBlock.fractionLost(buf, block);
            blocks++;
        }
        if (blocks == 0) return;
        double loss = fractions / 256.0 / blocks;
        if (copies != null) copies.onLoss(loss, nowNanos);
        if (estimate.onLoss(loss, sent.bitsPerSecond(nowNanos), ceilingBps, nowNanos)) stats.fell(AdaptationStats.Signal.LOSS);
    }

    /** The subscriber's packets carry {@code numbering}'s numbers: its feedback tells whether a queue stands on its downlink. */
    void measureQueue(TransportSequence numbering) {
        delivered = new DeliveredRate(numbering);
        queue = new StandingQueue(numbering, stats::queued); // volatile: published after the rate
    }

    /**
     * Reader thread: transport-wide feedback. A standing queue means we send more than the downlink carries: the
     * estimate falls from what it delivered, and copies of frame ends, which would add to the queue, stop
     * ({@link FrameEndCopies#onOveruse}). Returns false for a malformed message.
     */
    boolean transportFeedback(byte[] buf, int off, int len, long nowNanos) {
        StandingQueue q = queue;
        if (q == null) return true;
        if (!TransportFeedback.read(buf, off, len, feedback)) return false;
        if (q.takeOveruse()) {
            if (copies != null) copies.onOveruse(nowNanos);
            if (estimate.onQueue(sent.bitsPerSecond(nowNanos), delivered.bitsPerSecond(), nowNanos)) stats.fell(AdaptationStats.Signal.QUEUE);
        }
        return true;
    }

    /**
     * Any thread: whether frames' last packets (and repairs) go to this subscriber twice ({@link FrameEndCopies}).
     * Only where its feedback can show the queue they would add to.
     */
    boolean copiesFrameEnds(long nowNanos) { return copies != null && queue != null && copies.on(nowNanos); }

    /** A REMB (the caller checked {@link Remb#isRemb}). */
    void remb(byte[] buf, int off, long nowNanos) {
        // Against everything we send, copies included: measured against the media alone (Chrome's estimate leaves
        // the copies out) it missed the overuse behind a shared 1.5 Mbit/s link, and the copies raised its loss
        // from 6 % to 22 %; counted in, it also stops them under random loss now and then (ADR 0009 §16).
        // Where transport-wide feedback shows the queue itself, the REMB (noisy on busy receivers) leaves the copies alone.
        long remb = Remb.bitrate(buf, off), sentBps = sent.bitsPerSecond(nowNanos);
        if (copies != null && queue == null && remb < sentBps * DownlinkEstimate.OVERUSE_REMB) copies.onOveruse(nowNanos);
        if (estimate.onRemb(remb, sentBps, nowNanos)) stats.fell(AdaptationStats.Signal.REMB);
    }

    /**
     * Chooses the layer of every simulcast camera in {@code outgoing} that is forwarded to {@code subscriber}:
     * what its tile needs, as far as the downlink carries; what else it gets (audio, screen share,
     * single-stream cameras) comes off the budget first. {@code ask}: the subscriber is connected, so a move
     * asks the publisher for a keyframe.
     */
    void allocate(Outgoing[] outgoing, SubscriberSession subscriber, long nowNanos, boolean ask) {
        List<SimulcastOutgoing> cameras = new ArrayList<>();
        boolean copying = copiesFrameEnds(nowNanos);
        long fixed = 0;
        for (Outgoing o : outgoing) {
            if (!o.stream().forwardsTo(subscriber)) continue;
            if (o instanceof SimulcastOutgoing layered) cameras.add(layered);
            else fixed += Math.max(0, o.stream().layers()[0].cost(copying, nowNanos));
        }
        int n = cameras.size();
        long[][] rates = new long[n][];
        int[] ideal = new int[n], current = new int[n], priority = new int[n];
        long wanted = fixed;
        for (int i = 0; i < n; i++) {
            SimulcastOutgoing c = cameras.get(i);
            Layer[] layers = c.stream().layers();
            rates[i] = new long[layers.length];
            for (int k = 0; k < layers.length; k++) rates[i][k] = layers[k].cost(copying, nowNanos);
            ideal[i] = c.ideal(nowNanos);
            current[i] = c.target();
            priority[i] = c.priority();
            wanted += LayerAllocator.wanted(rates[i], ideal[i]);
        }
        // Room above what the views want, to move up into; at least the initial estimate, so that a tile made
        // larger gets its layer at once where the link has shown no loss (a fall starts from what was sent).
        ceilingBps = Math.max(DownlinkEstimate.INITIAL_BPS, wanted + wanted / 2);
        int[] chosen = LayerAllocator.allocate(estimate.bps(), fixed, rates, ideal, current, priority);
        for (int i = 0; i < n; i++) {
            stats.moved(current[i], chosen[i]);
            cameras.get(i).retarget(chosen[i], ask);
        }
    }
}
