package org.queqiao.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpFeedbackTest {

    private static int[] lost(byte[] buf, int len) {
        int[] out = new int[1024];
        return Arrays.copyOf(out, Nack.lostSequenceNumbers(buf, 0, len, out));
    }

    @Test
    void parsesAGenericNackIntoSequenceNumbers() {
        // PID 65534, BLP 0b1000_0000_0000_0101: 65535, 1 (wrapped) and 14; PID 100 alone.
        byte[] nack = hex("81 cd 00 04 00 00 00 01 00 00 00 02 ff fe 80 05 00 64 00 00");
        assertThat(Nack.isNack(nack, 0)).isTrue();
        assertThat(RtcpFeedback.senderSsrc(nack, 0)).isEqualTo(1);
        assertThat(RtcpFeedback.mediaSsrc(nack, 0)).isEqualTo(2);
        assertThat(Nack.entryCount(nack, 0, nack.length)).isEqualTo(2);
        assertThat(lost(nack, nack.length)).containsExactly(65534, 65535, 1, 14, 100);
        List<Integer> viaCallback = new ArrayList<>();
        Nack.forEachLost(nack, 0, nack.length, viaCallback::add);
        assertThat(viaCallback).containsExactly(65534, 65535, 1, 14, 100);
        assertThat(Nack.lostSequenceNumbers(nack, 0, nack.length, new int[2])).as("stops when full").isEqualTo(2);
    }

    @Test
    void writesNackEntriesByteExactly() {
        byte[] buf = new byte[64];
        int len = Nack.write(buf, 0, 1, 2, new int[] {65534, 65535, 1, 14, 100}, 5, buf.length);
        assertThat(Arrays.copyOf(buf, len))
                .isEqualTo(hex("81 cd 00 04 00 00 00 01 00 00 00 02 ff fe 80 05 00 64 00 00"));
    }

    @Test
    void nackCompressionRoundTripsLongGeneratedLists() {
        int[] seqs = new int[300];
        int n = 0;
        for (int s = 65400; n < seqs.length; s += 1 + (n % 7 == 0 ? 20 : n % 3)) {
            seqs[n++] = s & 0xFFFF;
        }
        byte[] buf = new byte[1500];
        int len = Nack.write(buf, 0, 9, 10, seqs, n, buf.length);
        RtcpCompoundIterator it = new RtcpCompoundIterator().reset(buf, 0, len);
        assertThat(it.next()).isTrue();
        assertThat(it.length()).isEqualTo(len);
        assertThat(lost(buf, len)).containsExactly(seqs);
        assertThat(Nack.entryCount(buf, 0, len)).isLessThan(n);
    }

    @Test
    void nackWriterToleratesDisorderAndDuplicatesAndHonoursMaxLength() {
        byte[] buf = new byte[64];
        int len = Nack.write(buf, 0, 1, 2, new int[] {10, 5, 10, 7, 5}, 5, buf.length);
        assertThat(Arrays.stream(lost(buf, len)).distinct().sorted().toArray()).containsExactly(5, 7, 10);

        int[] spread = {0, 100, 200, 300, 400};
        len = Nack.write(buf, 0, 1, 2, spread, spread.length, 12 + 2 * 4);
        assertThat(len).isEqualTo(20);
        assertThat(lost(buf, len)).containsExactly(0, 100);
        assertThat(Nack.write(buf, 0, 1, 2, spread, 0, buf.length)).isZero();
        assertThat(Nack.write(buf, 0, 1, 2, spread, spread.length, 12)).isZero();
    }

    @Test
    void writesAPli() {
        byte[] buf = new byte[12];
        assertThat(Pli.write(buf, 0, 0x11111111, 0x22222222)).isEqualTo(12);
        assertThat(buf).isEqualTo(hex("81 ce 00 02 11 11 11 11 22 22 22 22"));
    }

    @Test
    void writesAndReadsAFir() {
        byte[] buf = new byte[20];
        assertThat(Fir.write(buf, 0, 1, 0xAABBCCDD, 7)).isEqualTo(20);
        assertThat(buf).isEqualTo(hex("84 ce 00 04 00 00 00 01 00 00 00 00 aa bb cc dd 07 00 00 00"));
        assertThat(Fir.isFir(buf, 0)).isTrue();
        assertThat(Fir.entryCount(buf, 0, 20)).isEqualTo(1);
        assertThat(Fir.sequenceNumberFor(buf, 0, 20, 0xAABBCCDD)).isEqualTo(7);
        assertThat(Fir.sequenceNumberFor(buf, 0, 20, 5)).isEqualTo(-1);
    }

    @Test
    void readsAndRewritesAChromeRemb() {
        // Sent by Chrome receiving a 6 Mbit/s stream: exponent 6, mantissa 139487.
        byte[] chrome = hex("8f ce 00 05 00 00 00 01 00 00 00 00 52 45 4d 42 01 1a 20 df 48 74 ed 16");
        assertThat(Remb.isRemb(chrome, 0, chrome.length)).isTrue();
        assertThat(Remb.bitrate(chrome, 0)).isEqualTo(8_927_168L);
        assertThat(Remb.ssrcCount(chrome, 0)).isEqualTo(1);
        assertThat(Remb.ssrc(chrome, 0, 0)).isEqualTo(1215622422);

        byte[] buf = new byte[24];
        int len = Remb.write(buf, 0, 1, 8_927_168L, new int[] {1215622422}, 1);
        assertThat(len).isEqualTo(24);
        assertThat(buf).isEqualTo(chrome);
        Remb.write(buf, 0, 1, 8_927_167L, new int[] {1215622422}, 1);
        assertThat(Remb.bitrate(buf, 0)).as("rounded down").isEqualTo(8_927_104L);
    }

    @Test
    void rembRejectsAnnouncedSsrcsBeyondThePacketAndOtherAfb() {
        byte[] lying = hex("8f ce 00 04 00 00 00 01 00 00 00 00 52 45 4d 42 02 1a 20 df 48 74 ed 16");
        assertThat(Remb.isRemb(lying, 0, 20)).isFalse();
        byte[] otherAfb = hex("8f ce 00 04 00 00 00 01 00 00 00 00 47 4f 4f 47 00 00 00 00");
        assertThat(Remb.isRemb(otherAfb, 0, otherAfb.length)).isFalse();
        byte[] huge = new byte[20];
        Remb.write(huge, 0, 1, Long.MAX_VALUE, new int[0], 0);
        assertThat(Remb.bitrate(huge, 0)).isEqualTo((long) ((1 << 18) - 1) << 45);
    }

    @Test
    void recognisesTransportCcToSkipIt() {
        byte[] twcc = hex("8f cd 00 04 00 00 00 01 00 00 00 02 00 01 00 02 00 00 00 00");
        assertThat(RtcpFeedback.isTransportCc(twcc, 0)).isTrue();
        assertThat(Nack.isNack(twcc, 0)).isFalse();
    }

    @Test
    void writesAReceiverReportThatReadsBack() {
        byte[] buf = new byte[ReceiverReport.length(2)];
        int at = ReceiverReport.writeHeader(buf, 0, 0x51, 2);
        at += ReportBlock.write(buf, at, 0xA, 12, 300, 70000, 45, 0x12345678, 65536);
        at += ReportBlock.write(buf, at, 0xB, 0, -20_000_000, 5, 1L << 40, 0, 0);
        assertThat(at).isEqualTo(buf.length).isEqualTo(56);

        RtcpCompoundIterator it = new RtcpCompoundIterator().reset(buf, 0, buf.length);
        assertThat(it.next()).isTrue();
        assertThat(it.packetType()).isEqualTo(RtcpHeader.RR);
        assertThat(it.length()).isEqualTo(56);
        assertThat(ReceiverReport.reportCount(buf, 0)).isEqualTo(2);
        int first = ReceiverReport.reportBlockOffset(0, 0);
        assertThat(ReportBlock.ssrc(buf, first)).isEqualTo(0xA);
        assertThat(ReportBlock.fractionLost(buf, first)).isEqualTo(12);
        assertThat(ReportBlock.cumulativeLost(buf, first)).isEqualTo(300);
        assertThat(ReportBlock.extendedHighestSequenceNumber(buf, first)).isEqualTo(70000);
        assertThat(ReportBlock.jitter(buf, first)).isEqualTo(45);
        assertThat(ReportBlock.lastSenderReport(buf, first)).isEqualTo(0x12345678);
        assertThat(ReportBlock.delaySinceLastSenderReport(buf, first)).isEqualTo(65536);
        int second = ReceiverReport.reportBlockOffset(0, 1);
        assertThat(ReportBlock.cumulativeLost(buf, second)).as("clamped").isEqualTo(-0x800000);
        assertThat(ReportBlock.jitter(buf, second)).as("clamped").isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void recognisesRtcpOnAPortSharedWithRtp() {
        assertThat(RtcpHeader.looksLikeRtcp(hex("81 c9 00 01"), 0, 4)).isTrue();
        assertThat(RtcpHeader.looksLikeRtcp(hex("80 e0 00 01"), 0, 4)).as("RTP, M=1 PT=96").isFalse();
        assertThat(RtcpHeader.looksLikeRtcp(hex("81 c9"), 0, 2)).isFalse();
    }
}
