package org.queqiao.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.hex;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeaderExtensionsTest {

    private static byte[] data(long location, byte[] p) {
        int at = HeaderExtensions.dataOffset(location);
        return Arrays.copyOfRange(p, at, at + HeaderExtensions.dataLength(location));
    }

    @Test
    void findsOneByteElementsAcrossPadding() {
        // RFC 8285 §4.2 layout: id 1 (1 byte), two padding bytes, id 3 (3 bytes), id 5 (2 bytes).
        byte[] p = rtp().oneByteExtension(1, (byte) 0xAA)
                .extensionBytes(0xBEDE, (byte) 0, (byte) 0)
                .oneByteExtension(3, (byte) 1, (byte) 2, (byte) 3)
                .oneByteExtension(5, (byte) 9, (byte) 8)
                .build();
        assertThat(RtpPacket.isValid(p, 0, p.length)).isTrue();
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 1), p)).containsExactly(0xAA);
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 3), p)).containsExactly(1, 2, 3);
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 5), p)).containsExactly(9, 8);
        assertThat(HeaderExtensions.find(p, 0, p.length, 2)).isEqualTo(HeaderExtensions.NOT_FOUND);
    }

    @Test
    void findsTwoByteElementsIncludingEmptyOnesAndHighIds() {
        byte[] p = rtp().twoByteExtension(200).twoByteExtension(17, (byte) 7, (byte) 7, (byte) 7, (byte) 7, (byte) 7)
                .build();
        long empty = HeaderExtensions.find(p, 0, p.length, 200);
        assertThat(empty).isNotEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.dataLength(empty)).isZero();
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 17), p)).hasSize(5);
    }

    @Test
    void knownPacketWithAudioLevel() {
        // Chrome audio: one-byte form, element id 1 length 0 holding V=1 level 33, then id 2 (3 bytes).
        byte[] p = hex("""
                90 6f 00 01 00 00 03 c0 11 22 33 44
                be de 00 02 10 a1 22 01 02 03 00 00
                fc ff fe""");
        assertThat(RtpPacket.isValid(p, 0, p.length)).isTrue();
        int value = AudioLevelExtension.read(p, 0, p.length, 1);
        assertThat(AudioLevelExtension.level(value)).isEqualTo(33);
        assertThat(AudioLevelExtension.voiceActivity(value)).isTrue();
        assertThat(AudioLevelExtension.read(p, 0, p.length, 4)).isEqualTo(AudioLevelExtension.ABSENT);
        assertThat(RtpPacket.payloadLength(p, 0, p.length)).isEqualTo(3);
    }

    @Test
    void anIdZeroByteIsOneByteOfPaddingWhateverItsLengthBits() {
        byte[] p = rtp().extensionBytes(0xBEDE, (byte) 0x03, (byte) 0x10, (byte) 0x42).build();
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 1), p)).containsExactly(0x42);
    }

    @Test
    void idFifteenEndsTheOneByteWalk() {
        byte[] p = rtp().oneByteExtension(1, (byte) 1).extensionBytes(0xBEDE, (byte) 0xF0, (byte) 0x21, (byte) 5)
                .build();
        assertThat(HeaderExtensions.find(p, 0, p.length, 1)).isNotEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.find(p, 0, p.length, 2)).isEqualTo(HeaderExtensions.NOT_FOUND);
    }

    @Test
    void elementRunningPastTheBlockIsNotFoundAndDoesNotThrow() {
        // id 2 claims 16 bytes inside a one-word block.
        byte[] p = rtp().extensionBytes(0xBEDE, (byte) 0x10, (byte) 0x55, (byte) 0x2F).build();
        assertThat(HeaderExtensions.find(p, 0, p.length, 1)).isNotEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.find(p, 0, p.length, 2)).isEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.rewriteIds(p, 0, p.length, new byte[16])).isEqualTo(-1);

        byte[] twoByte = rtp().extensionBytes(0x1000, (byte) 0, (byte) 0, (byte) 0, (byte) 9).build();
        assertThat(HeaderExtensions.find(twoByte, 0, twoByte.length, 9)).isEqualTo(HeaderExtensions.NOT_FOUND);
    }

    @Test
    void unknownProfilesAndPacketsWithoutExtensionsHaveNoElements() {
        byte[] plain = rtp().build();
        assertThat(HeaderExtensions.profile(plain, 0)).isEqualTo(-1);
        assertThat(HeaderExtensions.find(plain, 0, plain.length, 1)).isEqualTo(HeaderExtensions.NOT_FOUND);
        byte[] other = rtp().extensionBytes(0x0001, (byte) 0x10, (byte) 1).build();
        assertThat(HeaderExtensions.find(other, 0, other.length, 1)).isEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.rewriteIds(other, 0, other.length, new byte[16])).isEqualTo(-1);
    }

    @Test
    void rewritesOneByteIdsAndTurnsDroppedElementsIntoPadding() {
        byte[] p = rtp().oneByteExtension(1, (byte) 0x7F)
                .oneByteExtension(4, (byte) 'a', (byte) 'b') // sdes:mid, not forwarded
                .oneByteExtension(3, (byte) 1, (byte) 2, (byte) 3)
                .build();
        byte[] map = new byte[16];
        map[1] = 10;
        map[3] = 15; // cannot be expressed in the one-byte form: dropped
        int kept = HeaderExtensions.rewriteIds(p, 0, p.length, map);

        assertThat(kept).isEqualTo(1);
        assertThat(RtpPacket.isValid(p, 0, p.length)).isTrue();
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 10), p)).containsExactly(0x7F);
        assertThat(HeaderExtensions.find(p, 0, p.length, 1)).isEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.find(p, 0, p.length, 4)).isEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.find(p, 0, p.length, 3)).isEqualTo(HeaderExtensions.NOT_FOUND);
        // element 1 stays, the other 7 element bytes are now zero padding
        assertThat(Arrays.copyOfRange(p, 16, 25)).containsExactly(0xA0, 0x7F, 0, 0, 0, 0, 0, 0, 0);
        assertThat(RtpPacket.payloadLength(p, 0, p.length)).isEqualTo(4);
    }

    @Test
    void rewritesTwoByteIdsThroughA256EntryMap() {
        byte[] p = rtp().twoByteExtension(1, (byte) 5).twoByteExtension(250, (byte) 6, (byte) 6).build();
        byte[] map = new byte[256];
        map[1] = (byte) 200;
        map[250] = 2;
        assertThat(HeaderExtensions.rewriteIds(p, 0, p.length, map)).isEqualTo(2);
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 200), p)).containsExactly(5);
        assertThat(data(HeaderExtensions.find(p, 0, p.length, 2), p)).containsExactly(6, 6);
    }

    private static byte[] withElement(byte[] p, int id, int value) {
        byte[] dst = new byte[p.length + 16];
        int n = HeaderExtensions.copyWithElement(p, 0, p.length, dst, 0, id, value);
        return n < 0 ? null : Arrays.copyOf(dst, n);
    }

    @Test
    void aPacketWithoutExtensionsGetsAOneByteBlockOfOneWord() {
        byte[] p = rtp().csrcs(7).payload((byte) 1, (byte) 2, (byte) 3).padding(4).build();
        byte[] q = withElement(p, 3, 0xABCD);

        assertThat(q).hasSize(p.length + 8);
        assertThat(RtpPacket.isValid(q, 0, q.length)).isTrue();
        assertThat(HeaderExtensions.profile(q, 0)).isEqualTo(HeaderExtensions.ONE_BYTE_PROFILE);
        assertThat(data(HeaderExtensions.find(q, 0, q.length, 3), q)).containsExactly(0xAB, 0xCD);
        assertThat(RtpPacket.csrc(q, 0, 0)).isEqualTo(7);
        assertThat(RtpPacket.payloadLength(q, 0, q.length)).isEqualTo(3);
        assertThat(Arrays.copyOfRange(q, RtpPacket.payloadOffset(q, 0), RtpPacket.payloadOffset(q, 0) + 3)).containsExactly(1, 2, 3);
    }

    @Test
    void aOneByteBlockGrowsByAWordAndKeepsItsElements() {
        byte[] p = rtp().oneByteExtension(1, (byte) 0x7F).oneByteExtension(14, (byte) 'a', (byte) 'b')
                .payload((byte) 9, (byte) 8).build();
        byte[] q = withElement(p, 3, 0x0102);

        assertThat(q).hasSize(p.length + 4);
        assertThat(RtpPacket.isValid(q, 0, q.length)).isTrue();
        assertThat(data(HeaderExtensions.find(q, 0, q.length, 1), q)).containsExactly(0x7F);
        assertThat(data(HeaderExtensions.find(q, 0, q.length, 14), q)).containsExactly('a', 'b');
        assertThat(data(HeaderExtensions.find(q, 0, q.length, 3), q)).containsExactly(1, 2);
        assertThat(RtpPacket.payloadLength(q, 0, q.length)).isEqualTo(2);
        assertThat(q[q.length - 2]).isEqualTo((byte) 9);
    }

    @Test
    void aTwoByteBlockTakesTheElementInItsOwnForm() {
        byte[] p = rtp().twoByteExtension(200, (byte) 5).payload((byte) 1).build();
        byte[] q = withElement(p, 3, 0xFFFF);

        assertThat(RtpPacket.isValid(q, 0, q.length)).isTrue();
        assertThat(data(HeaderExtensions.find(q, 0, q.length, 200), q)).containsExactly(5);
        assertThat(data(HeaderExtensions.find(q, 0, q.length, 3), q)).containsExactly(0xFF, 0xFF);
        assertThat(RtpPacket.payloadLength(q, 0, q.length)).isEqualTo(1);
    }

    @Test
    void refusesWhatTheBlockCannotCarryAndADestinationTooSmall() {
        byte[] oneByte = rtp().oneByteExtension(1, (byte) 1).build();
        assertThat(withElement(oneByte, 15, 1)).isNull();
        assertThat(withElement(rtp().extensionBytes(0x1234, (byte) 0, (byte) 0, (byte) 0, (byte) 0).build(), 3, 1)).isNull();
        assertThat(HeaderExtensions.copyWithElement(oneByte, 0, oneByte.length, new byte[oneByte.length + 3], 0, 3, 1)).isEqualTo(-1);
    }
}
