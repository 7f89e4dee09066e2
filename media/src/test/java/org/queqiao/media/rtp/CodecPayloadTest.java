package org.queqiao.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.hex;

import org.junit.jupiter.api.Test;

class CodecPayloadTest {

    private static boolean vp8(String hex) {
        byte[] p = hex(hex);
        return Vp8Payload.isKeyframe(p, 0, p.length);
    }

    private static boolean h264(String hex) {
        byte[] p = hex(hex);
        return H264Payload.isKeyframe(p, 0, p.length);
    }

    @Test
    void vp8KeyframeWithEveryDescriptorShape() {
        // S=1 PID=0, then the 3-byte frame tag with P=0 (key frame) and the 9d 01 2a start code.
        assertThat(vp8("10  50 43 00 9d 01 2a")).isTrue();
        // X, I with 15-bit picture id (M=1), L, T/K: 1 + 1 + 2 + 1 + 1 = 6 descriptor bytes
        assertThat(vp8("90 f0 80 01 05 20  50 43 00 9d 01 2a")).isTrue();
        assertThat(Vp8Payload.descriptorLength(hex("90 f0 80 01 05 20 50"), 0, 7)).isEqualTo(6);
        // X, I with a 7-bit picture id only
        assertThat(vp8("90 80 12  00")).isTrue();
        assertThat(Vp8Payload.descriptorLength(hex("90 80 12 00"), 0, 4)).isEqualTo(3);
        // X with only K
        assertThat(vp8("90 10 03  00")).isTrue();
    }

    @Test
    void vp8PictureIdsTl0PicIdxAndTheKeyframesSize() {
        byte[] p = hex("90 c0 81 02 2a 00 00 00 9d 01 2a 80 02 68 01"); // 15-bit id 0x102, TL0PICIDX 42, 640 x 360
        int at = Vp8Payload.pictureIdOffset(p, 0, p.length);
        assertThat(at).isEqualTo(2);
        assertThat(Vp8Payload.hasLongPictureId(p, at)).isTrue();
        assertThat(Vp8Payload.pictureId(p, at)).isEqualTo(0x102);
        Vp8Payload.setPictureId(p, at, 0x8005); // taken modulo 2^15
        assertThat(Vp8Payload.pictureId(p, at)).isEqualTo(5);
        assertThat(Vp8Payload.tl0PicIdxOffset(p, 0, p.length)).isEqualTo(4);
        assertThat(Vp8Payload.keyframeWidth(p, 0, p.length)).isEqualTo(640);
        assertThat(Vp8Payload.keyframeHeight(p, 0, p.length)).isEqualTo(360);

        byte[] shortId = hex("90 c0 05 07 10 00 00 9d 01 2a"); // 7-bit id 5, TL0PICIDX 7; the size is cut off
        assertThat(Vp8Payload.pictureId(shortId, 2)).isEqualTo(5);
        assertThat(Vp8Payload.tl0PicIdxOffset(shortId, 0, shortId.length)).isEqualTo(3);
        assertThat(Vp8Payload.keyframeHeight(shortId, 0, shortId.length)).isEqualTo(-1);
        assertThat(Vp8Payload.pictureIdOffset(hex("10 00"), 0, 2)).as("no extension byte").isEqualTo(-1);
        assertThat(Vp8Payload.pictureIdOffset(hex("90 80"), 0, 2)).as("truncated").isEqualTo(-1);
        assertThat(Vp8Payload.keyframeHeight(hex("90 c0 81 02 2a 01 00 00 9d 01 2a 80 02 68 01"), 0, 15)).as("a delta frame").isEqualTo(-1);
    }

    @Test
    void vp8NonKeyframes() {
        assertThat(vp8("10  01")).as("P=1: inter frame").isFalse();
        assertThat(vp8("00  00")).as("not the start of a partition").isFalse();
        assertThat(vp8("11  00")).as("start of partition 1").isFalse();
        assertThat(vp8("90 80 92 34  01")).as("inter frame behind a long picture id").isFalse();
    }

    @Test
    void vp8TruncatedDescriptorsAreRejected() {
        assertThat(vp8("")).isFalse();
        assertThat(vp8("90")).isFalse();
        assertThat(vp8("90 80")).isFalse();
        assertThat(vp8("90 80 92")).as("long picture id cut").isFalse();
        assertThat(vp8("90 f0 80 01 05 20")).as("no VP8 byte after the descriptor").isFalse();
        assertThat(vp8("10")).isFalse();
    }

    @Test
    void h264SingleNalUnits() {
        assertThat(h264("65 88 84 00")).as("IDR slice, type 5").isTrue();
        assertThat(h264("67 42 c0 1f")).as("SPS, type 7").isTrue();
        assertThat(h264("68 ce 3c 80")).as("PPS alone").isFalse();
        assertThat(h264("41 9a 02")).as("non-IDR slice").isFalse();
        assertThat(h264("")).isFalse();
    }

    @Test
    void h264StapA() {
        // STAP-A: SPS (4 bytes), PPS (4 bytes), IDR (3 bytes) as Chrome aggregates them
        assertThat(h264("78  00 04 67 42 c0 1f  00 04 68 ce 3c 80  00 03 65 88 84")).isTrue();
        assertThat(h264("78  00 02 06 05  00 03 41 9a 02")).as("SEI and a non-IDR slice").isFalse();
        assertThat(h264("78  00 09 67 42")).as("unit running past the end").isFalse();
        assertThat(h264("78  00 00 65")).as("zero-size unit").isFalse();
        assertThat(h264("78  00")).isFalse();
    }

    @Test
    void h264FuA() {
        assertThat(h264("7c 85 88 84")).as("start fragment of an IDR").isTrue();
        assertThat(h264("7c 05 88 84")).as("middle fragment").isFalse();
        assertThat(h264("7c 45 88")).as("end fragment").isFalse();
        assertThat(h264("5c 81 9a")).as("start fragment of a non-IDR slice").isFalse();
        assertThat(h264("7c")).as("truncated").isFalse();
    }
}
