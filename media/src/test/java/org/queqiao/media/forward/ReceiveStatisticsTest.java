package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.ReportBlock;

class ReceiveStatisticsTest {
    private static final long MS = 1_000_000L;
    private final byte[] block = new byte[ReportBlock.LENGTH];

    @Test
    void inOrderStreamAcrossTheWrapHasNoLoss() {
        ReceiveStatistics stats = new ReceiveStatistics(0x55, 90000);
        for (int i = 0; i < 100; i++) {
            stats.onPacket(65500 + i, i * 3000, i * 33 * MS, false);
        }
        assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(65536 + 63);
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.writeReportBlock(block, 0, 0)).isEqualTo(24);
        assertThat(ReportBlock.ssrc(block, 0)).isEqualTo(0x55);
        assertThat(ReportBlock.extendedHighestSequenceNumber(block, 0)).isEqualTo(65599);
        assertThat(ReportBlock.fractionLost(block, 0)).isZero();
    }

    @Test
    void lossIsCumulativeAndFractionIsPerReportInterval() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 90000);
        for (int seq = 0; seq < 100; seq++) {
            if (seq % 10 != 5) {
                stats.onPacket(seq, 0, 0, false);
            }
        }
        stats.writeReportBlock(block, 0, 0);
        assertThat(ReportBlock.cumulativeLost(block, 0)).isEqualTo(10);
        assertThat(ReportBlock.fractionLost(block, 0)).isEqualTo(10 * 256 / 100);

        for (int seq = 100; seq < 200; seq++) {
            stats.onPacket(seq, 0, 0, false);
        }
        stats.writeReportBlock(block, 0, 0);
        assertThat(ReportBlock.cumulativeLost(block, 0)).isEqualTo(10);
        assertThat(ReportBlock.fractionLost(block, 0)).isZero();
    }

    @Test
    void reorderedPacketsAreNotLossAndDuplicatesMakeLossNegative() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 48000);
        for (int seq : new int[] {1, 3, 2, 4, 4, 4, 5}) {
            stats.onPacket(seq, 0, 0, false);
        }
        assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(5);
        assertThat(stats.packetsReceived()).isEqualTo(7);
        assertThat(stats.cumulativeLost()).isEqualTo(-2);
        stats.writeReportBlock(block, 0, 0);
        assertThat(ReportBlock.cumulativeLost(block, 0)).isEqualTo(-2);
        assertThat(ReportBlock.fractionLost(block, 0)).as("never negative").isZero();
    }

    @Test
    void aBigJumpCountsOnlyOnceConfirmedAndThenResynchronises() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 90000);
        for (int seq = 0; seq < 10; seq++) {
            stats.onPacket(seq, 0, 0, false);
        }
        assertThat(stats.onPacket(40000, 0, 0, false)).isFalse();
        assertThat(stats.onPacket(10, 0, 0, false)).isTrue();
        assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(10);
        assertThat(stats.onPacket(50000, 0, 0, false)).isFalse();
        assertThat(stats.onPacket(50001, 0, 0, false)).as("the sender restarted").isTrue();
        assertThat(stats.extendedHighestSequenceNumber()).isEqualTo(50001);
        assertThat(stats.packetsReceived()).isEqualTo(1);
        assertThat(stats.cumulativeLost()).isZero();
    }

    @Test
    void jitterIsZeroForPerfectPacingAndConvergesToTheTransitVariation() {
        ReceiveStatistics steady = new ReceiveStatistics(1, 90000);
        for (int i = 0; i < 200; i++) {
            steady.onPacket(i, i * 1800, i * 20 * MS, false);
        }
        assertThat(steady.jitter()).isZero();

        // Sent every 20 ms, arriving alternately 1 ms early and 1 ms late: |D| = 2 ms = 180 ticks.
        ReceiveStatistics wobbly = new ReceiveStatistics(1, 90000);
        for (int i = 0; i < 500; i++) {
            long arrival = i * 20 * MS + (i % 2 == 0 ? -MS : MS);
            wobbly.onPacket(i, i * 1800, arrival, false);
        }
        assertThat(wobbly.jitter()).isBetween(175L, 180L);
    }

    @Test
    void retransmissionsCountAsReceivedButStayOutOfTheJitter() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 90000);
        for (int i = 0; i < 100; i++) {
            if (i != 50) {
                stats.onPacket(i, i * 1800, i * 20 * MS, false);
            }
        }
        stats.onPacket(50, 50 * 1800, 2500 * MS, true); // a second late, via RTX
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.jitter()).isZero();
    }

    @Test
    void audioReportsItsLossBeforeRepairAsTheFractionAndAfterRepairAsTheCount() {
        ReceiveStatistics audio = new ReceiveStatistics(1, 48000, ReceiveStatistics.FractionLost.BEFORE_REPAIR);
        ReceiveStatistics video = new ReceiveStatistics(2, 90000);
        for (int seq = 0; seq < 100; seq++) {
            if (seq % 10 == 5) continue; // lost on the way, then resent because we asked
            audio.onPacket(seq, seq * 960, seq * 20 * MS, false);
            video.onPacket(seq, seq * 1800, seq * 20 * MS, false);
        }
        for (int seq = 5; seq < 100; seq += 10) {
            audio.onPacket(seq, seq * 960, 2000 * MS, true);
            video.onPacket(seq, seq * 1800, 2000 * MS, true);
        }
        audio.writeReportBlock(block, 0, 0);
        assertThat(ReportBlock.fractionLost(block, 0)).as("what the link lost, for the encoder's FEC").isEqualTo(10 * 256 / 100);
        assertThat(ReportBlock.cumulativeLost(block, 0)).as("nothing is missing now, for the bandwidth estimate").isZero();
        assertThat(audio.jitter()).isZero();
        video.writeReportBlock(block, 0, 0);
        assertThat(ReportBlock.fractionLost(block, 0)).isZero();
        assertThat(ReportBlock.cumulativeLost(block, 0)).isZero();

        for (int seq = 100; seq < 200; seq++) audio.onPacket(seq, seq * 960, seq * 20 * MS, false);
        audio.writeReportBlock(block, 0, 0);
        assertThat(ReportBlock.fractionLost(block, 0)).as("a clean interval").isZero();
    }

    @Test
    void reportsLsrAndDlsrFromTheLastSenderReport() {
        ReceiveStatistics stats = new ReceiveStatistics(1, 90000);
        stats.onPacket(1, 0, 0, false);
        stats.writeReportBlock(block, 0, 0);
        assertThat(ReportBlock.lastSenderReport(block, 0)).isZero();
        assertThat(ReportBlock.delaySinceLastSenderReport(block, 0)).isZero();

        stats.onSenderReport(0x12345678, 1000);
        stats.writeReportBlock(block, 0, 1500);
        assertThat(ReportBlock.lastSenderReport(block, 0)).isEqualTo(0x12345678);
        assertThat(ReportBlock.delaySinceLastSenderReport(block, 0)).isEqualTo(32768);
    }

    @Test
    void writesNothingBeforeTheFirstPacket() {
        assertThat(new ReceiveStatistics(1, 8000).writeReportBlock(block, 0, 0)).isZero();
    }
}
