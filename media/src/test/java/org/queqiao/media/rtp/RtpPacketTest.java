package org.queqiao.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.hex;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    /** A captured video packet: X=1 with a non-RFC 8285 profile (0x0001), M=1, PT 96. */
    private static final byte[] CAPTURED = hex("""
            90 e0 69 8f d9 c2 93 da 1c 64 27 82
            00 01 00 01 ff ff ff ff
            98 36 be 88 9e""");

    @Test
    void readsEveryFieldOfACapturedPacket() {
        assertThat(RtpPacket.isValid(CAPTURED, 0, CAPTURED.length)).isTrue();
        assertThat(RtpPacket.version(CAPTURED, 0)).isEqualTo(2);
        assertThat(RtpPacket.hasExtension(CAPTURED, 0)).isTrue();
        assertThat(RtpPacket.hasPadding(CAPTURED, 0)).isFalse();
        assertThat(RtpPacket.marker(CAPTURED, 0)).isTrue();
        assertThat(RtpPacket.payloadType(CAPTURED, 0)).isEqualTo(96);
        assertThat(RtpPacket.sequenceNumber(CAPTURED, 0)).isEqualTo(27023);
        assertThat(Integer.toUnsignedLong(RtpPacket.timestamp(CAPTURED, 0))).isEqualTo(3653407706L);
        assertThat(RtpPacket.ssrc(CAPTURED, 0)).isEqualTo(476325762);
        assertThat(RtpPacket.headerLength(CAPTURED, 0)).isEqualTo(20);
        assertThat(RtpPacket.payloadLength(CAPTURED, 0, CAPTURED.length)).isEqualTo(5);
        assertThat(CAPTURED[RtpPacket.payloadOffset(CAPTURED, 0)]).isEqualTo((byte) 0x98);
        assertThat(HeaderExtensions.profile(CAPTURED, 0)).isEqualTo(1);
    }

    @Test
    void worksAtAnOffsetInsideALargerBuffer() {
        byte[] buf = new byte[CAPTURED.length + 10];
        System.arraycopy(CAPTURED, 0, buf, 7, CAPTURED.length);
        assertThat(RtpPacket.isValid(buf, 7, CAPTURED.length)).isTrue();
        assertThat(RtpPacket.sequenceNumber(buf, 7)).isEqualTo(27023);
        assertThat(RtpPacket.payloadOffset(buf, 7)).isEqualTo(27);
        assertThat(RtpPacket.isValid(buf, 7, CAPTURED.length + 4)).as("length past the array").isFalse();
    }

    @Test
    void headerAndPayloadAccountForCsrcsExtensionAndPadding() {
        byte[] p = rtp().csrcs(7, 8).oneByteExtension(1, (byte) 0x55).payload(new byte[10]).padding(6).build();
        assertThat(RtpPacket.isValid(p, 0, p.length)).isTrue();
        assertThat(RtpPacket.csrcCount(p, 0)).isEqualTo(2);
        assertThat(RtpPacket.csrc(p, 0, 1)).isEqualTo(8);
        assertThat(RtpPacket.headerLength(p, 0)).isEqualTo(12 + 8 + 4 + 4);
        assertThat(RtpPacket.paddingLength(p, 0, p.length)).isEqualTo(6);
        assertThat(RtpPacket.payloadLength(p, 0, p.length)).isEqualTo(10);
        assertThat(p.length).isEqualTo(28 + 10 + 6);
    }

    @Test
    void settersChangeOnlyTheirField() {
        byte[] p = rtp().marker(true).payloadType(111).seq(65535).timestamp(-5).ssrc(42).build();
        byte[] before = p.clone();
        RtpPacket.setPayloadType(p, 0, 100);
        RtpPacket.setSequenceNumber(p, 0, 1234);
        RtpPacket.setTimestamp(p, 0, 0xCAFEBABE);
        RtpPacket.setSsrc(p, 0, 0xDEADBEEF);
        assertThat(RtpPacket.marker(p, 0)).as("marker kept").isTrue();
        assertThat(RtpPacket.payloadType(p, 0)).isEqualTo(100);
        assertThat(RtpPacket.sequenceNumber(p, 0)).isEqualTo(1234);
        assertThat(RtpPacket.timestamp(p, 0)).isEqualTo(0xCAFEBABE);
        assertThat(RtpPacket.ssrc(p, 0)).isEqualTo(0xDEADBEEF);
        assertThat(p[0]).isEqualTo(before[0]);
        assertThat(Arrays.copyOfRange(p, 12, p.length)).isEqualTo(Arrays.copyOfRange(before, 12, before.length));
        RtpPacket.setMarker(p, 0, false);
        assertThat(RtpPacket.marker(p, 0)).isFalse();
        assertThat(RtpPacket.payloadType(p, 0)).isEqualTo(100);
    }

    @Test
    void rejectsMalformedPackets() {
        byte[] ok = rtp().csrcs(1).oneByteExtension(2, (byte) 1, (byte) 2).padding(2).build();
        assertThat(RtpPacket.isValid(ok, 0, ok.length)).isTrue();

        byte[] version1 = ok.clone();
        version1[0] = (byte) (version1[0] & 0x3F | 0x40);
        assertThat(RtpPacket.isValid(version1, 0, ok.length)).isFalse();

        byte[] tooManyCsrcs = ok.clone();
        tooManyCsrcs[0] = (byte) (tooManyCsrcs[0] | 0x0F);
        assertThat(RtpPacket.isValid(tooManyCsrcs, 0, ok.length)).isFalse();

        byte[] extensionTooLong = ok.clone();
        extensionTooLong[16 + 3] = 9; // 9 words of extension in a 30-byte packet
        assertThat(RtpPacket.isValid(extensionTooLong, 0, ok.length)).isFalse();

        byte[] zeroPadding = ok.clone();
        zeroPadding[ok.length - 1] = 0;
        assertThat(RtpPacket.isValid(zeroPadding, 0, ok.length)).isFalse();

        byte[] paddingIntoHeader = ok.clone();
        paddingIntoHeader[ok.length - 1] = 10;
        assertThat(RtpPacket.isValid(paddingIntoHeader, 0, ok.length)).isFalse();

        assertThat(RtpPacket.isValid(null, 0, 12)).isFalse();
        assertThat(RtpPacket.isValid(ok, -1, 12)).isFalse();
        assertThat(RtpPacket.isValid(ok, 0, -1)).isFalse();
        assertThat(RtpPacket.isValid(ok, ok.length - 11, 12)).isFalse();
    }

    @Test
    void everyTruncationIsRejectedOrConsistentNeverAnException() {
        byte[] p = rtp().csrcs(1, 2).twoByteExtension(3, new byte[5]).payload(new byte[3]).padding(3).build();
        for (int len = 0; len < p.length; len++) {
            if (RtpPacket.isValid(p, 0, len)) {
                assertThat(RtpPacket.payloadLength(p, 0, len)).isNotNegative();
            }
        }
        // Without the payload, the packet stays a valid header-only packet only once the padding is gone.
        assertThat(RtpPacket.isValid(p, 0, RtpPacket.headerLength(p, 0) - 1)).isFalse();
    }

    @Test
    void randomBytesNeverThrowAndValidOnesAreSelfConsistent() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] buf = new byte[64];
        for (int i = 0; i < 200_000; i++) {
            random.nextBytes(buf);
            buf[0] = (byte) (buf[0] & 0x3F | 0x80); // mostly version 2, so the deeper checks run
            int len = random.nextInt(buf.length + 1);
            if (RtpPacket.isValid(buf, 0, len)) {
                int header = RtpPacket.headerLength(buf, 0);
                int payload = RtpPacket.payloadLength(buf, 0, len);
                assertThat(header).isBetween(12, len);
                assertThat(payload).isBetween(0, len - header);
                HeaderExtensions.find(buf, 0, len, random.nextInt(1, 256));
            }
        }
    }
}
