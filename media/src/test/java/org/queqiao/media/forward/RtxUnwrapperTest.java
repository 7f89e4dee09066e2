package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.hex;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.RtpPacket;

class RtxUnwrapperTest {
    private final RtxUnwrapper unwrapper = new RtxUnwrapper(8);

    RtxUnwrapperTest() {
        unwrapper.addStream(0xAAAA0001, 0x0000BEEF);
        unwrapper.mapPayloadType(97, 96);
        unwrapper.mapPayloadType(99, 98);
    }

    @Test
    void restoresSsrcPayloadTypeAndSequenceNumberAndDropsTheOsnAndPadding() {
        // RTX: PT 97, RTX seq 5, SSRC aaaa0001, OSN 0x0102, payload de ad, 2 bytes of padding.
        byte[] buf = hex("a0 61 00 05 00 00 00 09 aa aa 00 01  01 02 de ad 00 02");
        int len = unwrapper.unwrap(buf, 0, buf.length);
        assertThat(Arrays.copyOf(buf, len)).isEqualTo(hex("80 60 01 02 00 00 00 09 00 00 be ef  de ad"));
    }

    @Test
    void leavesOtherPacketsUntouched() {
        byte[] media = rtp().ssrc(0x0000BEEF).payloadType(97).build();
        byte[] copy = media.clone();
        assertThat(unwrapper.isRtx(media, 0)).isFalse();
        assertThat(unwrapper.unwrap(media, 0, media.length)).isEqualTo(RtxUnwrapper.NOT_RTX);
        assertThat(media).isEqualTo(copy);

        byte[] unknownPt = rtp().ssrc(0xAAAA0001).payloadType(100).build();
        assertThat(unwrapper.unwrap(unknownPt, 0, unknownPt.length)).isEqualTo(RtxUnwrapper.NOT_RTX);
    }

    @Test
    void paddingOnlyProbesAndTruncatedRtxHaveNothingToUnwrap() {
        byte[] probe = rtp().ssrc(0xAAAA0001).payloadType(97).payload().padding(200).build();
        assertThat(RtpPacket.isValid(probe, 0, probe.length)).isTrue();
        assertThat(unwrapper.unwrap(probe, 0, probe.length)).isEqualTo(RtxUnwrapper.NO_PAYLOAD);
        byte[] oneByte = rtp().ssrc(0xAAAA0001).payloadType(97).payload((byte) 1).build();
        assertThat(unwrapper.unwrap(oneByte, 0, oneByte.length)).isEqualTo(RtxUnwrapper.NO_PAYLOAD);
    }

    @Test
    void anOsnOnlyPacketUnwrapsToAnEmptyPayloadAndStreamsCanBeRemoved() {
        byte[] buf = rtp().ssrc(0xAAAA0001).payloadType(99).payload((byte) 0xFF, (byte) 0xFF).build();
        assertThat(unwrapper.unwrap(buf, 0, buf.length)).isEqualTo(12);
        assertThat(RtpPacket.sequenceNumber(buf, 0)).isEqualTo(65535);
        assertThat(RtpPacket.payloadType(buf, 0)).isEqualTo(98);

        unwrapper.removeStream(0xAAAA0001);
        byte[] again = rtp().ssrc(0xAAAA0001).payloadType(97).build();
        assertThat(unwrapper.unwrap(again, 0, again.length)).isEqualTo(RtxUnwrapper.NOT_RTX);
    }
}
