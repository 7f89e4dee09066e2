package org.queqiao.media.sfu;

import java.util.ArrayList;
import java.util.List;
import org.queqiao.media.forward.RateMeter;
import org.queqiao.media.rtp.ReceiverReport;
import org.queqiao.media.rtp.Remb;
import org.queqiao.media.rtp.ReportBlock;
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
    /** The most the subscriber's views could use (the last allocation's), which the estimate does not grow past. */
    private volatile long ceilingBps = DownlinkEstimate.INITIAL_BPS;

    DownlinkFit(AdaptationStats stats) { this.stats = stats; }

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
        if (blocks > 0 && estimate.onLoss(fractions / 256.0 / blocks, sent.bitsPerSecond(nowNanos), ceilingBps, nowNanos)) {
            stats.fell(AdaptationStats.Signal.LOSS);
        }
    }

    /** A REMB (the caller checked {@link Remb#isRemb}). */
    void remb(byte[] buf, int off, long nowNanos) {
        if (estimate.onRemb(Remb.bitrate(buf, off), sent.bitsPerSecond(nowNanos), nowNanos)) stats.fell(AdaptationStats.Signal.REMB);
    }

    /**
     * Chooses the layer of every simulcast camera in {@code outgoing} that is forwarded to {@code subscriber}:
     * what its tile needs, as far as the downlink carries; what else it gets (audio, screen share,
     * single-stream cameras) comes off the budget first. {@code ask}: the subscriber is connected, so a move
     * asks the publisher for a keyframe.
     */
    void allocate(Outgoing[] outgoing, SubscriberSession subscriber, long nowNanos, boolean ask) {
        List<SimulcastOutgoing> cameras = new ArrayList<>();
        long fixed = 0;
        for (Outgoing o : outgoing) {
            if (!o.stream().forwardsTo(subscriber)) continue;
            if (o instanceof SimulcastOutgoing layered) cameras.add(layered);
            else fixed += Math.max(0, o.stream().layers()[0].sendingRate(nowNanos));
        }
        int n = cameras.size();
        long[][] rates = new long[n][];
        int[] ideal = new int[n], current = new int[n], priority = new int[n];
        long wanted = fixed;
        for (int i = 0; i < n; i++) {
            SimulcastOutgoing c = cameras.get(i);
            Layer[] layers = c.stream().layers();
            rates[i] = new long[layers.length];
            for (int k = 0; k < layers.length; k++) rates[i][k] = layers[k].sendingRate(nowNanos);
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
