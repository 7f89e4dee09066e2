package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.Bytes;
import org.queqiao.media.rtp.Nack;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.Vp8Payload;

class LayerSwitchTest {
    private static final int OURS = 0xABCD;
    private static final long MS = 1_000_000L;
    /** Each layer its own SSRC, numbers, timestamps, picture ids and TL0PICIDX, as a browser sends them. */
    private static final int[] SSRC = {0x100, 0x200, 0x300}, SEQ0 = {1000, 20000, 65530}, TS0 = {5000, 900_000, -10}, PIC0 = {10, 20000, 32760};

    private final LayerSwitch sw = new LayerSwitch(OURS, 90000, true, 2);

    /** Packet {@code k} of a layer: frame k / 2 (two packets a frame), 3000 ticks a frame; a keyframe starts at frame 0. */
    private static byte[] packet(int layer, int k, boolean keyframe) {
        int frame = k / 2;
        int picture = PIC0[layer] + frame & 0x7FFF;
        byte[] descriptor = {(byte) (0x80 | (k % 2 == 0 ? 0x10 : 0)), (byte) 0xC0, (byte) (0x80 | picture >> 8), (byte) picture, (byte) (7 * layer + frame)};
        byte[] body = keyframe && k % 2 == 0 ? new byte[] {0, 0, 0, (byte) 0x9d, 1, 0x2a, 0, 5, (byte) 180, 0, 9} : new byte[] {1, 0, 0, 9};
        byte[] payload = Arrays.copyOf(descriptor, descriptor.length + body.length);
        System.arraycopy(body, 0, payload, descriptor.length, body.length);
        return rtp().payloadType(96).ssrc(SSRC[layer]).seq(SEQ0[layer] + k & 0xFFFF).timestamp(TS0[layer] + 3000 * frame).payload(payload).build();
    }

    private record Sent(int ssrc, int seq, int ts, int picture, int tl0) {}

    /** Offers the packet; what the subscriber got, or null. Checks that restore() gives the bytes back. */
    private Sent offer(byte[] p, int layer, boolean keyframe, long nanos) {
        byte[] before = p.clone();
        if (!sw.rewrite(p, 0, p.length, layer, keyframe, nanos)) {
            assertThat(p).isEqualTo(before);
            return null;
        }
        int payload = RtpPacket.payloadOffset(p, 0);
        Sent s = new Sent(RtpPacket.ssrc(p, 0), RtpPacket.sequenceNumber(p, 0), RtpPacket.timestamp(p, 0),
                Vp8Payload.pictureId(p, payload + 2), p[payload + 4] & 0xFF);
        sw.restore(p, 0, p.length);
        assertThat(p).isEqualTo(before);
        return s;
    }

    @Test
    void startsAtTheTargetsKeyframeAndDropsTheOtherLayers() {
        assertThat(offer(packet(2, 0, false), 2, false, 0)).as("not a keyframe").isNull();
        assertThat(offer(packet(0, 0, true), 0, true, 0)).as("not the target").isNull();
        Sent first = offer(packet(2, 2, true), 2, true, 0);
        assertThat(first.ssrc()).isEqualTo(OURS);
        assertThat(first.seq()).isEqualTo(SEQ0[2] + 2 & 0xFFFF);
        assertThat(sw.current()).isEqualTo(2);
        assertThat(sw.switchPending()).isFalse();
        assertThat(offer(packet(1, 3, false), 1, false, 0)).isNull();
        assertThat(offer(packet(2, 3, false), 2, false, 0).seq()).isEqualTo(first.seq() + 1 & 0xFFFF);
    }

    @Test
    void movesOnlyAtTheNewLayersKeyframeAndEverythingCarriesOn() {
        offer(packet(2, 0, true), 2, true, 0);
        Sent last = offer(packet(2, 1, false), 2, false, 0);
        sw.target(0);
        assertThat(sw.switchPending()).isTrue();
        assertThat(offer(packet(0, 0, false), 0, false, 10 * MS)).as("the new layer, mid-frame").isNull();
        last = offer(packet(2, 2, false), 2, false, 33 * MS); // the old layer goes on meanwhile
        assertThat(last).isNotNull();

        Sent moved = offer(packet(0, 4, true), 0, true, 40 * MS);
        assertThat(moved.ssrc()).isEqualTo(OURS);
        assertThat(moved.seq()).isEqualTo(last.seq() + 1 & 0xFFFF);
        assertThat(moved.ts()).as("7 ms after the last one sent, in 90 kHz ticks").isEqualTo(last.ts() + 630);
        assertThat(moved.picture()).isEqualTo(last.picture() + 1 & 0x7FFF);
        assertThat(moved.tl0()).isEqualTo(last.tl0() + 1 & 0xFF);

        Sent next = offer(packet(0, 5, false), 0, false, 41 * MS);
        assertThat(next.seq()).isEqualTo(moved.seq() + 1 & 0xFFFF);
        assertThat(next.ts()).as("same frame").isEqualTo(moved.ts());
        assertThat(next.picture()).isEqualTo(moved.picture());
        Sent frame = offer(packet(0, 6, false), 0, false, 70 * MS);
        assertThat(frame.ts()).isEqualTo(moved.ts() + 3000);
        assertThat(frame.picture()).isEqualTo(moved.picture() + 1);
        assertThat(frame.tl0()).isEqualTo(moved.tl0() + 1);

        assertThat(offer(packet(2, 4, true), 2, true, 71 * MS)).as("the old layer, even a keyframe").isNull();
        assertThat(offer(packet(0, 3, false), 0, false, 72 * MS)).as("the new layer from before its keyframe").isNull();
        assertThat(sw.current()).isZero();
    }

    @Test
    void numbersAndPictureIdsWrapAcrossAMove() {
        LayerSwitch up = new LayerSwitch(OURS, 90000, true, 0);
        byte[] p = packet(0, 0, true);
        assertThat(up.rewrite(p, 0, p.length, 0, true, 0)).isTrue();
        up.restore(p, 0, p.length);
        up.target(2); // numbers 65530.. and picture ids 32760.. wrap on the top layer
        for (int k = 0; k < 20; k++) {
            byte[] q = packet(2, k, k == 0);
            boolean sent = up.rewrite(q, 0, q.length, 2, k == 0, k * MS);
            assertThat(sent).isTrue();
            assertThat(RtpPacket.sequenceNumber(q, 0)).isEqualTo(SEQ0[0] + 1 + k & 0xFFFF);
            assertThat(Vp8Payload.pictureId(q, RtpPacket.payloadOffset(q, 0) + 2)).isEqualTo(PIC0[0] + 1 + k / 2);
            up.restore(q, 0, q.length);
            assertThat(RtpPacket.sequenceNumber(q, 0)).isEqualTo(SEQ0[2] + k & 0xFFFF);
        }
    }

    @Test
    void sevenBitPictureIdsStayInTheirWidth() {
        LayerSwitch s = new LayerSwitch(OURS, 90000, true, 0);
        byte[] a = rtp().payloadType(96).ssrc(1).seq(1).payload(new byte[] {(byte) 0x90, (byte) 0x80, 126, 0, 0, 0, (byte) 0x9d, 1, 0x2a, 0, 0, 0, 0}).build();
        assertThat(s.rewrite(a, 0, a.length, 0, true, 0)).isTrue();
        s.restore(a, 0, a.length);
        s.target(1);
        byte[] b = rtp().payloadType(96).ssrc(2).seq(9).payload(new byte[] {(byte) 0x90, (byte) 0x80, 3, 0, 0, 0, (byte) 0x9d, 1, 0x2a, 0, 0, 0, 0}).build();
        assertThat(s.rewrite(b, 0, b.length, 1, true, MS)).isTrue();
        assertThat(b[RtpPacket.payloadOffset(b, 0) + 2]).isEqualTo((byte) 127);
        s.restore(b, 0, b.length);
        assertThat(b[RtpPacket.payloadOffset(b, 0) + 2]).isEqualTo((byte) 3);
    }

    @Test
    void h264AndTruncatedPayloadsGetTheirHeaderRewrittenOnly() {
        LayerSwitch s = new LayerSwitch(OURS, 90000, false, 0);
        byte[] p = packet(0, 0, true);
        byte[] payload = Arrays.copyOfRange(p, RtpPacket.payloadOffset(p, 0), p.length);
        assertThat(s.rewrite(p, 0, p.length, 0, true, 0)).isTrue();
        assertThat(Arrays.copyOfRange(p, RtpPacket.payloadOffset(p, 0), p.length)).isEqualTo(payload);

        LayerSwitch v = new LayerSwitch(OURS, 90000, true, 0);
        byte[] cut = rtp().payloadType(96).ssrc(1).seq(5).payload((byte) 0x90, (byte) 0x80).build(); // announces a picture id it lacks
        assertThat(v.rewrite(cut, 0, cut.length, 0, true, 0)).isTrue();
        assertThat(RtpPacket.ssrc(cut, 0)).isEqualTo(OURS);
        v.restore(cut, 0, cut.length);
        assertThat(RtpPacket.ssrc(cut, 0)).isEqualTo(1);
    }

    @Test
    void afterAPauseTheNumbersCarryOnFromTheNextKeyframe() {
        offer(packet(2, 0, true), 2, true, 0);
        Sent last = offer(packet(2, 1, false), 2, false, 0);
        sw.resume();
        assertThat(sw.switchPending()).isTrue();
        assertThat(offer(packet(2, 500, false), 2, false, 5000 * MS)).as("no keyframe yet").isNull();
        Sent back = offer(packet(2, 600, true), 2, true, 6000 * MS);
        assertThat(back.seq()).isEqualTo(last.seq() + 1 & 0xFFFF);
        assertThat(back.ts()).isEqualTo(last.ts() + 6000 * 90);
        assertThat(back.picture()).isEqualTo(last.picture() + 1);
    }

    @Test
    void aNackAfterAMoveIsAnsweredFromTheNewLayerAsTheSubscriberKnewThePacket() {
        PacketCache[] caches = {new PacketCache(), new PacketCache(), new PacketCache()};
        RetransmissionResponder responder = RetransmissionResponder.forLayers(sw, caches[2], 0x7777, 97);
        byte[] p = packet(2, 0, true);
        caches[2].store(p, 0, p.length, 0);
        Sent before = offer(p, 2, true, 0);
        sw.target(1);
        byte[] k = packet(1, 2, true);
        caches[1].store(k, 0, k.length, 1);
        Sent moved = offer(k, 1, true, MS);

        responder.useCache(caches[sw.current()]);
        byte[] nack = new byte[64];
        byte[][] got = new byte[1][];
        int n = Nack.write(nack, 0, 1, OURS, new int[] {before.seq(), moved.seq()}, 2, 64);
        assertThat(responder.respond(nack, 0, n, 2, (buf, off, len) -> got[0] = Arrays.copyOfRange(buf, off, off + len))).isEqualTo(1);
        byte[] rtx = got[0];
        assertThat(RtpPacket.ssrc(rtx, 0)).isEqualTo(0x7777);
        assertThat(RtpPacket.timestamp(rtx, 0)).isEqualTo(moved.ts());
        int payload = RtpPacket.payloadOffset(rtx, 0);
        assertThat(Bytes.u16(rtx, payload)).as("OSN").isEqualTo(moved.seq());
        assertThat(Vp8Payload.pictureId(rtx, payload + 2 + 2)).isEqualTo(moved.picture());
        assertThat(rtx[payload + 2 + 4] & 0xFF).isEqualTo(moved.tl0());
        assertThat(responder.notCached()).as("the number from before the move").isEqualTo(1);
    }
}
