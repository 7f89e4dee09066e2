package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.AudioLevelExtension;
import org.queqiao.media.rtp.HeaderExtensions;
import org.queqiao.media.rtp.RtpPacket;

class RewritersTest {

    @Test
    void payloadTypesAreMappedAndUnmappedOnesRefused() {
        PayloadTypeRewriter rewriter = new PayloadTypeRewriter().map(96, 100).map(111, 109);
        byte[] vp8 = rtp().payloadType(96).marker(true).build();
        assertThat(rewriter.rewrite(vp8, 0)).isTrue();
        assertThat(RtpPacket.payloadType(vp8, 0)).isEqualTo(100);
        assertThat(RtpPacket.marker(vp8, 0)).isTrue();

        byte[] h264 = rtp().payloadType(102).build();
        assertThat(rewriter.rewrite(h264, 0)).isFalse();
        assertThat(RtpPacket.payloadType(h264, 0)).isEqualTo(102);
        assertThat(rewriter.mapped(111)).isEqualTo(109);
        assertThat(rewriter.mapped(0)).isEqualTo(-1);
    }

    @Test
    void extensionIdsAreMappedAndMidIsDropped() {
        // publisher: 1 = audio level, 4 = mid, 5 = transport-cc; subscriber: audio level 3, transport-cc 7
        HeaderExtensionRewriter rewriter = new HeaderExtensionRewriter().map(1, 3).map(5, 7).drop(4);
        byte[] p = rtp().oneByteExtension(1, (byte) 0x9E).oneByteExtension(4, (byte) '0')
                .oneByteExtension(5, (byte) 0, (byte) 42).build();
        int length = p.length;
        assertThat(rewriter.rewrite(p, 0, p.length)).isEqualTo(2);
        assertThat(p.length).isEqualTo(length);
        assertThat(RtpPacket.isValid(p, 0, p.length)).isTrue();
        assertThat(AudioLevelExtension.level(AudioLevelExtension.read(p, 0, p.length, 3))).isEqualTo(30);
        assertThat(HeaderExtensions.find(p, 0, p.length, 7)).isNotEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.find(p, 0, p.length, 4)).isEqualTo(HeaderExtensions.NOT_FOUND);
        assertThat(HeaderExtensions.find(p, 0, p.length, 1)).isEqualTo(HeaderExtensions.NOT_FOUND);

        byte[] plain = rtp().build();
        assertThat(rewriter.rewrite(plain, 0, plain.length)).isZero();
    }
}
