package org.queqiao.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtcpCompoundIteratorTest {

    /** A compound packet from a browser capture: RR, SDES, BYE, PLI, RTPFB FMT 5, APP. */
    static final byte[] CAPTURED = hex("""
            81 c9 00 07 90 2f 9e 2e bc 5e 9a 40 00 00 00 00 00 00 46 e1 00 00 01 11 09 f3 64 32 00 02 4a 79
            81 ca 00 0c 90 2f 9e 2e 01 26 7b 39 63 30 30 65 62 39 32 2d 31 61 66 62 2d 39 64 34 39 2d
            61 34 37 64 2d 39 31 66 36 34 65 65 65 36 39 66 35 7d 00 00 00 00
            81 cb 00 01 90 2f 9e 2e
            81 ce 00 02 90 2f 9e 2e 90 2f 9e 2e
            85 cd 00 02 90 2f 9e 2e 90 2f 9e 2e
            80 cc 00 03 4b aa e1 ab 4e 41 4d 45 41 42 43 44""");

    private static List<String> walk(byte[] buf, int off, int len) {
        RtcpCompoundIterator it = new RtcpCompoundIterator().reset(buf, off, len);
        List<String> seen = new ArrayList<>();
        while (it.next()) {
            seen.add(it.packetType() + "/" + it.countOrFormat() + "@" + it.offset() + "+" + it.length());
        }
        return seen;
    }

    @Test
    void walksACapturedCompoundPacket() {
        assertThat(walk(CAPTURED, 0, CAPTURED.length)).containsExactly(
                "201/1@0+32", "202/1@32+52", "203/1@84+8", "206/1@92+12", "205/5@104+12", "204/0@116+16");
        RtcpCompoundIterator it = new RtcpCompoundIterator().reset(CAPTURED, 0, CAPTURED.length);
        while (it.next()) {
            // reading everything is what a router does
        }
        assertThat(it.malformed()).isFalse();
    }

    @Test
    void readsTheCapturedReceiverReportBlockAndBye() {
        assertThat(ReceiverReport.senderSsrc(CAPTURED, 0)).isEqualTo(0x902f9e2e);
        assertThat(ReceiverReport.reportCount(CAPTURED, 0)).isEqualTo(1);
        int block = ReceiverReport.reportBlockOffset(0, 0);
        assertThat(ReportBlock.ssrc(CAPTURED, block)).isEqualTo(0xbc5e9a40);
        assertThat(ReportBlock.fractionLost(CAPTURED, block)).isZero();
        assertThat(ReportBlock.cumulativeLost(CAPTURED, block)).isZero();
        assertThat(ReportBlock.extendedHighestSequenceNumber(CAPTURED, block)).isEqualTo(0x46e1);
        assertThat(ReportBlock.jitter(CAPTURED, block)).isEqualTo(273);
        assertThat(ReportBlock.lastSenderReport(CAPTURED, block)).isEqualTo(0x9f36432);
        assertThat(ReportBlock.delaySinceLastSenderReport(CAPTURED, block)).isEqualTo(150137);
        assertThat(Bye.sourceCount(CAPTURED, 84)).isEqualTo(1);
        assertThat(Bye.source(CAPTURED, 84, 0)).isEqualTo(0x902f9e2e);
        assertThat(Pli.isPli(CAPTURED, 92)).isTrue();
        assertThat(RtcpFeedback.mediaSsrc(CAPTURED, 92)).isEqualTo(0x902f9e2e);
        assertThat(Nack.isNack(CAPTURED, 104)).as("FMT 5 is RRR, not NACK").isFalse();
    }

    @Test
    void readsASenderReport() {
        byte[] sr = hex("""
                81 c8 00 0c 00 00 00 2a
                e5 4f 2a 10 80 00 00 00   12 34 56 78 00 00 01 00 00 01 00 00
                00 00 00 07 05 ff ff fe 00 01 00 05 00 00 00 20 00 00 00 00 00 00 00 00""");
        RtcpCompoundIterator it = new RtcpCompoundIterator().reset(sr, 0, sr.length);
        assertThat(it.next()).isTrue();
        assertThat(it.packetType()).isEqualTo(RtcpHeader.SR);
        assertThat(SenderReport.senderSsrc(sr, 0)).isEqualTo(42);
        assertThat(SenderReport.ntpTimestamp(sr, 0)).isEqualTo(0xe54f2a1080000000L);
        assertThat(SenderReport.compactNtp(sr, 0)).isEqualTo(0x2a108000);
        assertThat(SenderReport.rtpTimestamp(sr, 0)).isEqualTo(0x12345678);
        assertThat(SenderReport.packetCount(sr, 0)).isEqualTo(256);
        assertThat(SenderReport.octetCount(sr, 0)).isEqualTo(65536);
        int block = SenderReport.reportBlockOffset(0, 0);
        assertThat(ReportBlock.ssrc(sr, block)).isEqualTo(7);
        assertThat(ReportBlock.fractionLost(sr, block)).isEqualTo(5);
        assertThat(ReportBlock.cumulativeLost(sr, block)).as("signed 24 bits").isEqualTo(-2);
        assertThat(ReportBlock.extendedHighestSequenceNumber(sr, block)).isEqualTo(65541);
        assertThat(it.next()).isFalse();
        assertThat(it.malformed()).isFalse();
    }

    @Test
    void everyTruncationStopsCleanlyAndIsFlagged() {
        for (int len = 0; len < CAPTURED.length; len++) {
            RtcpCompoundIterator it = new RtcpCompoundIterator().reset(CAPTURED, 0, len);
            int packets = 0;
            int end = 0;
            while (it.next()) {
                packets++;
                end = it.offset() + it.length();
            }
            assertThat(end).isLessThanOrEqualTo(len);
            boolean onBoundary = len == 0 || len == 32 || len == 84 || len == 92 || len == 104 || len == 116;
            assertThat(it.malformed()).as("length %d", len).isEqualTo(!onBoundary);
            assertThat(packets).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void badVersionEndsTheWalkAndShortPacketsOfKnownTypesAreSkipped() {
        byte[] badVersion = CAPTURED.clone();
        badVersion[84] = 0x41; // the BYE becomes version 1
        assertThat(walk(badVersion, 0, badVersion.length)).hasSize(2);

        // An RR announcing one block in a 1-word packet, then a PLI with no SSRCs, then a good PLI.
        byte[] shortOnes = hex("81 c9 00 01 00 00 00 01  81 ce 00 00  81 ce 00 02 00 00 00 01 00 00 00 02");
        RtcpCompoundIterator it = new RtcpCompoundIterator().reset(shortOnes, 0, shortOnes.length);
        assertThat(it.next()).isTrue();
        assertThat(it.offset()).isEqualTo(12);
        assertThat(RtcpFeedback.mediaSsrc(shortOnes, 12)).isEqualTo(2);
        assertThat(it.next()).isFalse();
        assertThat(it.malformed()).isTrue();
    }

    @Test
    void paddingMustFitInsideItsPacket() {
        byte[] padded = hex("a1 ce 00 03 00 00 00 01 00 00 00 02 00 00 00 04");
        assertThat(walk(padded, 0, padded.length)).containsExactly("206/1@0+16");
        byte[] badPadding = padded.clone();
        badPadding[15] = 0x20;
        assertThat(walk(badPadding, 0, badPadding.length)).isEmpty();
        badPadding[15] = 0;
        assertThat(walk(badPadding, 0, badPadding.length)).isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        SplittableRandom random = new SplittableRandom(11);
        byte[] buf = new byte[96];
        RtcpCompoundIterator it = new RtcpCompoundIterator();
        int[] out = new int[64];
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(buf);
            buf[0] = (byte) (buf[0] & 0x3F | 0x80);
            buf[2] = 0;
            int len = random.nextInt(buf.length + 1);
            it.reset(buf, 0, len);
            while (it.next()) {
                int off = it.offset();
                int n = it.length();
                assertThat(off + n).isLessThanOrEqualTo(len);
                Nack.lostSequenceNumbers(buf, off, n, out);
                Fir.sequenceNumberFor(buf, off, n, 1);
                if (Remb.isRemb(buf, off, n)) {
                    for (int s = 0; s < Remb.ssrcCount(buf, off); s++) {
                        Remb.ssrc(buf, off, s);
                    }
                    Remb.bitrate(buf, off);
                }
            }
        }
        assertThat(new RtcpCompoundIterator().reset(null, 0, 10).next()).isFalse();
        assertThat(new RtcpCompoundIterator().reset(buf, 90, 10).next()).isFalse();
    }
}
