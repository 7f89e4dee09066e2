package org.queqiao.media.sfu;

import org.queqiao.media.forward.RoundTripEstimator;
import org.queqiao.media.rtp.ExtendedReport;
import org.queqiao.media.rtp.Nack;
import org.queqiao.media.rtp.NtpTime;
import org.queqiao.media.rtp.Pli;
import org.queqiao.media.rtp.ReceiverReport;
import org.queqiao.media.rtp.Remb;
import org.queqiao.media.rtp.ReportBlock;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.transport.PeerTransport;

/**
 * The RTCP we send a publisher: NACKs for packets that went missing on its uplink (so one lossy uplink
 * does not become every receiver's loss), keyframe requests, and every report interval a receiver report
 * with a REMB that caps its video at {@code maxBitrate} and an RRTR, whose echo (the publisher's DLRR) gives
 * the round trip that times our repeated NACKs ({@link RoundTripEstimator}). Writes into one buffer, hence
 * synchronized: the timer thread, the reader thread (a subscriber's PLI) and signalling (a new subscriber)
 * all send here.
 */
final class PublisherFeedback {
    private final PeerTransport transport;
    private final int senderSsrc;
    private final long maxBitrate;
    private final long reportIntervalNanos;
    private final byte[] out = new byte[1500];
    private final int[] missing = new int[256];
    private final int[] videoSsrcs = new int[16];
    private final RoundTripEstimator roundTrip;
    private long lastReportNanos;

    PublisherFeedback(PeerTransport transport, int senderSsrc, RouterSettings settings, RoundTripEstimator roundTrip) {
        this.roundTrip = roundTrip;
        this.transport = transport;
        this.senderSsrc = senderSsrc;
        this.maxBitrate = settings.maxBitrate();
        this.reportIntervalNanos = settings.reportInterval().toNanos();
    }

    synchronized void tick(IncomingStream[] streams, long nowNanos) {
        long nowMillis = nowNanos / 1_000_000;
        for (IncomingStream s : streams) {
            for (Layer l : s.layers()) {
                if (!l.known()) continue;
                nack(l, nowMillis);
                if (s.kind() == MediaKind.VIDEO && s.keyframeDue(l, nowMillis)) send(Pli.write(out, 0, senderSsrc, l.rawSsrc()));
            }
        }
        if (nowNanos - lastReportNanos >= reportIntervalNanos) {
            lastReportNanos = nowNanos;
            report(streams, nowNanos);
        }
    }

    /** The layer's missing packets that are due: asked for the first time, or again after a round trip. */
    synchronized void nack(Layer l, long nowMillis) {
        // audio too: the browser resends a NACKed Opus packet as it was (ADR 0009 §11)
        int n = l.stream.missing(l, nowMillis, roundTrip.retryIntervalMillis(), roundTrip.maxNacks(), missing);
        if (n > 0) send(Nack.write(out, 0, senderSsrc, l.rawSsrc(), missing, n, out.length));
    }

    synchronized void sendPli(Layer l) { send(Pli.write(out, 0, senderSsrc, l.rawSsrc())); }

    private void report(IncomingStream[] streams, long nowNanos) {
        long nowMillis = nowNanos / 1_000_000;
        int blocks = 0;
        int pos = ReceiverReport.REPORT_BLOCKS_OFFSET;
        int videos = 0;
        for (IncomingStream s : streams) {
            for (Layer l : s.layers()) {
                if (blocks == ReceiverReport.MAX_REPORT_BLOCKS || !l.known()) continue;
                int written = s.writeReportBlock(l, out, pos, nowMillis);
                if (written > 0) {
                    pos += ReportBlock.LENGTH;
                    blocks++;
                }
                if (s.kind() == MediaKind.VIDEO && videos < videoSsrcs.length) videoSsrcs[videos++] = l.rawSsrc();
            }
        }
        ReceiverReport.writeHeader(out, 0, senderSsrc, blocks);
        if (videos > 0) pos += Remb.write(out, pos, senderSsrc, maxBitrate, videoSsrcs, videos);
        pos += ExtendedReport.writeRrtr(out, pos, senderSsrc, NtpTime.of(nowNanos));
        send(pos);
    }

    private void send(int length) {
        if (length > 0) transport.sendRtcp(out, 0, length);
    }
}
