package org.queqiao.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportFeedbackTest {

    /** What a visitor was told, in order: "n@t" for a packet received at t µs, "n lost" for one lost. */
    private static final class Told implements TransportFeedback.Visitor {
        final List<String> lines = new ArrayList<>();

        @Override
        public void received(int sequence, long arrivalMicros) { lines.add(sequence + "@" + arrivalMicros); }

        @Override
        public void lost(int sequence) { lines.add(sequence + " lost"); }
    }

    /** A feedback message: base, count, reference time (24 bits), then chunks and deltas as given, zero-padded to a word. */
    private static byte[] feedback(int base, int count, int reference, int... body) {
        ByteArrayOutputStream fci = new ByteArrayOutputStream();
        fci.write(base >>> 8);
        fci.write(base);
        fci.write(count >>> 8);
        fci.write(count);
        fci.write(reference >>> 16);
        fci.write(reference >>> 8);
        fci.write(reference);
        fci.write(0); // feedback packet count
        for (int b : body) fci.write(b);
        while (fci.size() % 4 != 0) fci.write(0);
        byte[] p = new byte[RtcpFeedback.FCI_OFFSET + fci.size()];
        RtcpFeedback.writeCommon(p, 0, RtcpHeader.FMT_TRANSPORT_CC, RtcpHeader.RTPFB, 0x11111111, 0x22222222, p.length);
        System.arraycopy(fci.toByteArray(), 0, p, RtcpFeedback.FCI_OFFSET, fci.size());
        return p;
    }

    @Test
    void twoBitVectorWithSmallLargeAndNegativeDeltasAcrossTheWrap() {
        // statuses 1 0 2 1 1 (two-bit vector 0xD250); reference time -1 (× 64 ms); deltas 4, -8 (two bytes), 250, 0
        byte[] p = feedback(65534, 5, 0xFFFFFF, 0xD2, 0x50, 4, 0xFF, 0xF8, 250, 0);
        Told told = new Told();

        assertThat(TransportFeedback.read(p, 0, p.length, told)).isTrue();
        assertThat(told.lines).containsExactly("65534@-63000", "65535 lost", "0@-65000", "1@-2500", "2@-2500");
    }

    @Test
    void runLengthThenOneBitVector() {
        int[] body = new int[4 + 27];
        body[0] = 0x20; // run: status 1, length 20
        body[1] = 0x14;
        body[2] = 0xAA; // one-bit vector: received, lost, received, ... (14)
        body[3] = 0xAA;
        for (int i = 4; i < body.length; i++) body[i] = 4; // 1 ms each
        byte[] p = feedback(100, 34, 10, body);
        Told told = new Told();

        assertThat(TransportFeedback.read(p, 0, p.length, told)).isTrue();
        assertThat(told.lines).hasSize(34);
        assertThat(told.lines.get(0)).isEqualTo("100@641000");
        assertThat(told.lines.get(19)).isEqualTo("119@660000");
        assertThat(told.lines.subList(20, 24)).containsExactly("120@661000", "121 lost", "122@662000", "123 lost");
        assertThat(told.lines.get(33)).isEqualTo("133 lost");
    }

    @Test
    void statusesPastTheCountInTheLastChunkAreIgnored() {
        byte[] p = feedback(7, 2, 0, 0xD6, 0x60, 1, 2); // 1 1 then 1 2 beyond the count: no deltas for them
        Told told = new Told();

        assertThat(TransportFeedback.read(p, 0, p.length, told)).isTrue();
        assertThat(told.lines).containsExactly("7@250", "8@750");
    }

    @Test
    void truncatedOrReservedMessagesTellNothing() {
        Told told = new Told();
        byte[] shortDeltas = feedback(1, 3, 0, 0x20, 0x03, 4, 4); // three received, two deltas, then only padding
        byte[] cut = java.util.Arrays.copyOf(shortDeltas, shortDeltas.length - 4);
        RtcpHeader.write(cut, 0, RtcpHeader.FMT_TRANSPORT_CC, RtcpHeader.RTPFB, cut.length);
        byte[] reserved = feedback(1, 5, 0, 0x60, 0x05); // a run of status 3
        byte[] missingChunks = feedback(1, 40, 0, 0x20, 0x03);
        byte[] headerOnly = java.util.Arrays.copyOf(reserved, RtcpFeedback.FCI_OFFSET + 4);

        assertThat(TransportFeedback.read(cut, 0, cut.length, told)).isFalse();
        assertThat(TransportFeedback.read(reserved, 0, reserved.length, told)).isFalse();
        assertThat(TransportFeedback.read(missingChunks, 0, missingChunks.length, told)).isFalse();
        assertThat(TransportFeedback.read(headerOnly, 0, headerOnly.length, told)).isFalse();
        assertThat(told.lines).isEmpty();
    }

    private static byte[] written(int base, long[] arrivals) {
        byte[] buf = new byte[TransportFeedback.maxLength(arrivals.length)];
        int n = TransportFeedback.write(buf, 0, 0x77, 0, base, arrivals, arrivals.length, 3);
        return n < 0 ? null : java.util.Arrays.copyOf(buf, n);
    }

    @Test
    void readsWhatItsWriterWritesWithOneAndTwoByteDeltas() {
        byte[] p = written(65530, new long[] {1_000_000, -1, 1_000_250, 1_040_000, 999_000, -1, -1, 1_100_000, 1_100_100});
        Told told = new Told();

        assertThat(p.length % 4).isZero();
        assertThat(RtcpHeader.packetLength(p, 0)).isEqualTo(p.length);
        assertThat(TransportFeedback.read(p, 0, p.length, told)).isTrue();
        // times on the 250 µs grid: 1_100_100 is reported as 1_100_000
        assertThat(told.lines).containsExactly("65530@1000000", "65531 lost", "65532@1000250", "65533@1040000",
                "65534@999000", "65535 lost", "0 lost", "1@1100000", "2@1100000");
    }

    @Test
    void theWriterRefusesADeltaItCannotCarryOrABufferTooSmall() {
        assertThat(written(1, new long[] {0, 9_000_000})).as("9 s apart").isNull();
        long[] one = {5_000};
        assertThat(TransportFeedback.write(new byte[TransportFeedback.maxLength(1) - 1], 0, 1, 0, 0, one, 1, 0)).isEqualTo(-1);
        assertThat(written(1, new long[] {-1, -1})).as("nothing received").isNotNull();
    }
}
