package org.queqiao.media.rtp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtendedReportTest {
    record Seen(String what, long a, long b, long c) {}

    static final class Recorder implements ExtendedReport.Visitor {
        final List<Seen> seen = new ArrayList<>();
        @Override public void rrtr(long ntp) { seen.add(new Seen("rrtr", ntp, 0, 0)); }
        @Override public void dlrr(int ssrc, int lrr, int delay) { seen.add(new Seen("dlrr", ssrc, lrr, delay)); }
    }

    @Test
    void anRrtrRoundTripsThroughTheCompoundIterator() {
        byte[] buf = new byte[64];
        int n = ExtendedReport.writeRrtr(buf, 0, 0x11223344, 0xE1234567_89ABCDEFL);
        var it = new RtcpCompoundIterator().reset(buf, 0, n);
        assertThat(it.next()).isTrue();
        assertThat(it.packetType()).isEqualTo(ExtendedReport.XR);
        assertThat(ExtendedReport.senderSsrc(buf, it.offset())).isEqualTo(0x11223344);
        Recorder r = new Recorder();
        assertThat(ExtendedReport.read(buf, it.offset(), it.length(), r)).isTrue();
        assertThat(r.seen).containsExactly(new Seen("rrtr", 0xE1234567_89ABCDEFL, 0, 0));
        assertThat(it.malformed()).isFalse();
    }

    @Test
    void aDlrrCarriesTheEchoedTimeAndTheDelay() {
        byte[] buf = new byte[64];
        int n = ExtendedReport.writeDlrr(buf, 0, 1, 0xCAFEBABE, 0x456789AB, 65536);
        Recorder r = new Recorder();
        assertThat(ExtendedReport.read(buf, 0, n, r)).isTrue();
        assertThat(r.seen).containsExactly(new Seen("dlrr", 0xCAFEBABE, 0x456789AB, 65536));
    }

    @Test
    void readsEveryDlrrSubBlockAndSkipsUnknownBlocks() {
        // libwebrtc's layout: an unknown block (type 42, one word), then a DLRR with two sub-blocks
        byte[] buf = new byte[8 + 8 + 4 + 24];
        RtcpHeader.write(buf, 0, 0, ExtendedReport.XR, buf.length);
        buf[8] = 42;
        Bytes.put16(buf, 10, 1);
        buf[16] = ExtendedReport.DLRR;
        Bytes.put16(buf, 18, 6);
        Bytes.put32(buf, 20, 7);
        Bytes.put32(buf, 24, 8);
        Bytes.put32(buf, 28, 9);
        Bytes.put32(buf, 32, 10);
        Bytes.put32(buf, 36, 11);
        Bytes.put32(buf, 40, 12);
        Recorder r = new Recorder();
        assertThat(ExtendedReport.read(buf, 0, buf.length, r)).isTrue();
        assertThat(r.seen).containsExactly(new Seen("dlrr", 7, 8, 9), new Seen("dlrr", 10, 11, 12));
    }

    @Test
    void aBlockThatRunsPastThePacketStopsTheRead() {
        byte[] buf = new byte[64];
        int n = ExtendedReport.writeRrtr(buf, 0, 1, 5);
        Bytes.put16(buf, 10, 9); // claims 9 words
        Recorder r = new Recorder();
        assertThat(ExtendedReport.read(buf, 0, n, r)).isFalse();
        assertThat(r.seen).isEmpty();
        assertThat(ExtendedReport.read(buf, 0, 6, r)).isFalse(); // shorter than header and SSRC
    }

    @Test
    void ntpTimeFollowsTheEpochAndTheMonotonicClock() {
        // 2026-12-04T00:00:00.500Z: 3,973,536,000 s since 1900 and half a second
        long ntp = NtpTime.fromEpochMillis(1_764_806_400_500L);
        assertThat(ntp >>> 32).isEqualTo(1_764_806_400L + 2_208_988_800L);
        assertThat(ntp & 0xFFFF_FFFFL).isEqualTo(0x8000_0000L);
        long t = System.nanoTime();
        int later = NtpTime.compact(NtpTime.of(t + 250_000_000L)) - NtpTime.compact(NtpTime.of(t));
        assertThat((later & 0xFFFF_FFFFL) * 1000 >>> 16).as("ms in compact NTP units").isBetween(249L, 250L);
    }
}
