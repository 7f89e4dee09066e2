package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.AudioLevelExtension;
import org.queqiao.media.rtp.Nack;
import org.queqiao.media.rtp.ReceiverReport;
import org.queqiao.media.rtp.RtcpCompoundIterator;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.Vp8Payload;

/**
 * Runs every stage the way the router will, per packet, and checks with the JVM's per-thread allocation
 * counter that the steady state allocates nothing (the budget covers only the counter's own noise).
 */
class HotPathAllocationTest {
    private final byte[] template = rtp().ssrc(0x1234).payloadType(96).oneByteExtension(1, (byte) 0x9E)
            .oneByteExtension(4, (byte) '0').payload(new byte[1000]).build();
    private final byte[] packet = new byte[1500];
    private final byte[] rtcp = new byte[1500];
    private final int[] due = new int[256];
    private final int[] subscriberLost = new int[2];

    private final ReceiveStatistics statistics = new ReceiveStatistics(0x1234, 90000);
    private final LossDetector lossDetector = new LossDetector();
    private final RtxUnwrapper unwrapper = new RtxUnwrapper(4);
    private final ActiveSpeakerDetector speakers = new ActiveSpeakerDetector(16);
    private final PayloadTypeRewriter payloadTypes = new PayloadTypeRewriter().map(96, 100);
    private final HeaderExtensionRewriter extensions = new HeaderExtensionRewriter().map(1, 3).drop(4);
    private final PacketCache cache = new PacketCache();
    private final RetransmissionResponder responder = new RetransmissionResponder(cache, 0x5678, 101);
    private final KeyframeRequestLimiter keyframes = new KeyframeRequestLimiter();
    private final RtcpCompoundIterator iterator = new RtcpCompoundIterator();
    /** A simulcast subscriber moved between two layers every 100 packets (the template is taken for layer 0 and 1 in turn). */
    private final LayerSwitch layers = new LayerSwitch(0x4321, 90000, true, 0);
    private long sentBytes;
    private final PacketSink sink = (buf, off, len) -> sentBytes += len;

    HotPathAllocationTest() {
        unwrapper.addStream(0x9999, 0x1234);
        unwrapper.mapPayloadType(97, 96);
        speakers.addStream(7);
    }

    private long forward(int from, int count) {
        long checksum = 0;
        for (int i = from; i < from + count; i++) {
            long now = i;
            if (i % 50 == 3) {
                continue; // lost
            }
            System.arraycopy(template, 0, packet, 0, template.length);
            RtpPacket.setSequenceNumber(packet, 0, i);
            int len = template.length;
            if (!RtpPacket.isValid(packet, 0, len)) {
                return -1;
            }
            if (unwrapper.isRtx(packet, 0)) {
                len = unwrapper.unwrap(packet, 0, len);
            }
            statistics.onPacket(RtpPacket.sequenceNumber(packet, 0), RtpPacket.timestamp(packet, 0), now * 1_000_000, false);
            lossDetector.onPacket(RtpPacket.sequenceNumber(packet, 0), now);
            int level = AudioLevelExtension.read(packet, 0, len, 1);
            speakers.onAudioLevel(7, AudioLevelExtension.level(level), now);
            checksum += Vp8Payload.isKeyframe(packet, RtpPacket.payloadOffset(packet, 0), RtpPacket.payloadLength(packet, 0, len)) ? 1 : 0;
            payloadTypes.rewrite(packet, 0);
            extensions.rewrite(packet, 0, len);
            cache.store(packet, 0, len, now);
            int layer = i / 100 % 2;
            if (i % 100 == 0) layers.target(1 - layer);
            if (layers.rewrite(packet, 0, len, layer, i % 100 == 0, now * 1_000_000)) {
                checksum += RtpPacket.timestamp(packet, 0);
                layers.restore(packet, 0, len);
            }
            if (i % 20 == 0) {
                int n = lossDetector.poll(now, due);
                checksum += Nack.write(rtcp, 0, 1, 0x1234, due, n, rtcp.length); // upstream, to the publisher
                subscriberLost[0] = i - 8 & 0xFFFF;
                subscriberLost[1] = i - 7 & 0xFFFF;
                int nackLength = Nack.write(rtcp, 0, 2, 0x1234, subscriberLost, 2, rtcp.length);
                iterator.reset(rtcp, 0, nackLength);
                while (iterator.next()) {
                    responder.respond(rtcp, iterator.offset(), iterator.length(), now, sink);
                }
                int rr = ReceiverReport.writeHeader(rtcp, 0, 1, 1);
                checksum += statistics.writeReportBlock(rtcp, rr, now);
                checksum += speakers.update(now) ? 1 : 0;
                checksum += keyframes.request(now) || keyframes.pollPending(now) ? 1 : 0;
            }
        }
        return checksum;
    }

    @Test
    void theSteadyStateAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        forward(0, 300_000); // warm up, and let the JIT settle
        long before = threads.getCurrentThreadAllocatedBytes();
        long checksum = forward(300_000, 200_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(checksum).isNotNegative();
        assertThat(sentBytes).isPositive();
        assertThat(allocated).as("bytes allocated for 200,000 packets").isLessThan(16_384);
    }
}
