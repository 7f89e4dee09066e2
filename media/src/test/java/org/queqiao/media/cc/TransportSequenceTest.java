package org.queqiao.media.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.Bytes;
import org.queqiao.media.rtp.HeaderExtensions;

class TransportSequenceTest {
    private static final int ID = 3, OPUS = 111, VP8 = 96;

    private static int numberIn(byte[] p, int len) {
        long at = HeaderExtensions.find(p, 0, len, ID);
        assertThat(at).isNotEqualTo(HeaderExtensions.NOT_FOUND);
        return Bytes.u16(p, HeaderExtensions.dataOffset(at));
    }

    @Test
    void numbersVideoInSendOrderAcrossTheWrapAndRemembersWhenEachLeft() {
        TransportSequence sequence = new TransportSequence(ID, OPUS, 1_000_000_000L);
        byte[] video = rtp().payloadType(VP8).payload(new byte[100]).build();
        byte[] out = new byte[2048];
        for (int i = 0; i < 65_536 + 2; i++) {
            int n = sequence.stamp(video, 0, video.length, out, 1_000_000_000L + i * 1_000L);
            assertThat(n).isEqualTo(video.length + 8);
            if (i < 2 || i >= 65_536) assertThat(numberIn(out, n)).isEqualTo(i & 0xFFFF);
        }
        // numbers 0 and 1 were used again after the wrap: their times are the second use's
        assertThat(sequence.sentMicros(1)).isEqualTo(65_537L);
        assertThat(sequence.sentMicros(65_535)).isEqualTo(65_535);
        // older than the history: unknown rather than a wrong time
        assertThat(sequence.sentMicros(65_535 - TransportSequence.HISTORY)).isEqualTo(-1);
    }

    @Test
    void audioIsNotNumberedSoThatItsResendsStayTheSameBytes() {
        TransportSequence sequence = new TransportSequence(ID, OPUS, 0);
        byte[] audio = rtp().payloadType(OPUS).oneByteExtension(1, (byte) 0x7F).payload(new byte[40]).build();
        byte[] out = new byte[2048];

        assertThat(sequence.stamp(audio, 0, audio.length, out, 5_000)).isEqualTo(-1);
        byte[] video = rtp().payloadType(VP8).build();
        int n = sequence.stamp(video, 0, video.length, out, 5_000);
        assertThat(numberIn(out, n)).isZero(); // the audio took no number
        assertThat(sequence.sentMicros(0)).isEqualTo(5);
    }

    @Test
    void aNumberNeverUsedIsUnknown() {
        TransportSequence sequence = new TransportSequence(ID, OPUS, 0);
        assertThat(sequence.sentMicros(0)).isEqualTo(-1);
        assertThat(sequence.sentMicros(4000)).isEqualTo(-1);
    }
}
