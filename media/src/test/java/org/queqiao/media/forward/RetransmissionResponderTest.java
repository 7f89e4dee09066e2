package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.hex;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.Nack;
import org.queqiao.media.rtp.RtpPacket;

class RetransmissionResponderTest {
    private static final int RTX_SSRC = 0x0BADF00D;
    private static final int RTX_PT = 97;

    private final PacketCache cache = new PacketCache(64, 1500, 3000);
    private final RetransmissionResponder responder =
            new RetransmissionResponder(cache, null, RTX_SSRC, RTX_PT, 10, 1000, 65535);

    private void send(int seq, long now) {
        byte[] p = rtp().seq(seq).timestamp(seq * 3000).payload((byte) seq).build();
        cache.store(p, 0, p.length, now);
    }

    private static byte[] nack(int... seqs) {
        byte[] buf = new byte[256];
        return Arrays.copyOf(buf, Nack.write(buf, 0, 1, 0x11223344, seqs, seqs.length, buf.length));
    }

    @Test
    void buildsTheRtxPacketByteExactly() {
        // Original: CSRC, one-byte extension, marker, PT 96, seq 0x1234, 2 payload bytes and 3 padding bytes.
        byte[] original = hex("""
                b1 e0 12 34 00 00 10 00 11 22 33 44 00 00 00 07
                be de 00 01 10 7f 00 00
                ca fe 00 00 03""");
        assertThat(cache.store(original, 0, original.length, 0)).isTrue();
        byte[] out = new byte[100];
        int len = responder.retransmit(0x1234, 5, out, 3);

        // P cleared; M, X, CSRC, timestamp and extension kept; RTX PT 97, RTX seq 0xffff, RTX SSRC; OSN first.
        assertThat(Arrays.copyOfRange(out, 3, 3 + len)).isEqualTo(hex("""
                91 e1 ff ff 00 00 10 00 0b ad f0 0d 00 00 00 07
                be de 00 01 10 7f 00 00
                12 34 ca fe"""));
    }

    @Test
    void answersANackWithTheCachedPacketsOnlyAndCountsTheRest() {
        for (int seq = 100; seq < 110; seq++) {
            send(seq, 0);
        }
        List<Integer> osns = new ArrayList<>();
        List<Integer> rtxSeqs = new ArrayList<>();
        byte[] request = nack(99, 101, 103, 109, 150);
        int sent = responder.respond(request, 0, request.length, 20, (buf, off, len) -> {
            assertThat(RtpPacket.isValid(buf, off, len)).isTrue();
            assertThat(RtpPacket.ssrc(buf, off)).isEqualTo(RTX_SSRC);
            assertThat(RtpPacket.payloadType(buf, off)).isEqualTo(RTX_PT);
            int payload = RtpPacket.payloadOffset(buf, off);
            osns.add((buf[payload] & 0xFF) << 8 | buf[payload + 1] & 0xFF);
            rtxSeqs.add(RtpPacket.sequenceNumber(buf, off));
            assertThat(buf[payload + 2]).isEqualTo((byte) osns.getLast().intValue());
        });
        assertThat(sent).isEqualTo(3);
        assertThat(osns).containsExactly(101, 103, 109);
        assertThat(rtxSeqs).as("own sequence, wrapping").containsExactly(65535, 0, 1);
        assertThat(responder.requested()).isEqualTo(5);
        assertThat(responder.retransmitted()).isEqualTo(3);
        assertThat(responder.notCached()).isEqualTo(2);
    }

    /** A copy sent unasked (a frame's last packet, ADR 0009 §16): RTX as for a NACK, counted apart, and not sent again at once on a NACK. */
    @Test
    void sendsACopyUnaskedAsRtxAndCountsItApart() {
        send(200, 0);
        List<Integer> osns = new ArrayList<>();
        PacketSink sink = (buf, off, len) -> osns.add((buf[off + RtpPacket.payloadOffset(buf, off)] & 0xFF) << 8 | buf[off + RtpPacket.payloadOffset(buf, off) + 1] & 0xFF);
        assertThat(responder.sendCopy(200, 7200, 5, sink)).isTrue();
        assertThat(responder.sendCopy(201, 7201, 5, sink)).as("not cached").isFalse();
        assertThat(osns).as("the subscriber's number").containsExactly(7200);
        assertThat(responder.copied()).isEqualTo(1);
        assertThat(responder.requested()).isZero();
        assertThat(responder.retransmitted()).isZero();

        byte[] out = new byte[1500];
        assertThat(responder.retransmit(200, 10, out, 0)).as("a NACK right behind the copy").isEqualTo(RetransmissionResponder.RESENT_RECENTLY);
        assertThat(responder.retransmit(200, 16, out, 0)).as("one an interval later").isPositive();
    }

    /** Audio (no RTX negotiated): the packet goes out again exactly as cached, padding and all, and the limits still hold. */
    @Test
    void resendsOriginalsUnchangedForAStreamWithoutRtx() {
        var plain = RetransmissionResponder.resendingOriginals(cache, null);
        byte[] original = rtp().seq(300).timestamp(960).marker(true).oneByteExtension(1, (byte) 0x9e).payload((byte) 1, (byte) 2).build();
        cache.store(original, 0, original.length, 0);
        byte[] out = new byte[1500];
        int n = plain.retransmit(300, 20, out, 0);
        assertThat(Arrays.copyOf(out, n)).containsExactly(original);
        assertThat(plain.retransmit(300, 25, out, 0)).isEqualTo(RetransmissionResponder.RESENT_RECENTLY);
        assertThat(plain.retransmit(301, 25, out, 0)).isEqualTo(RetransmissionResponder.NOT_CACHED);
        assertThat(plain.retransmit(300, 40, new byte[original.length - 1], 0)).isEqualTo(RetransmissionResponder.NO_ROOM);
        assertThat(plain.retransmitted()).isEqualTo(1);
    }

    /** After a pause the subscriber knows the packets by its own numbers: NACKs ask by them, and resends carry them. */
    @Test
    void asksTheCacheByThePublishersNumberAndAnswersWithTheSubscribersOwn() {
        SequenceRewriter numbering = new SequenceRewriter();
        numbering.toSubscriber(20);
        numbering.resume();
        for (int seq = 500; seq < 505; seq++) {
            send(seq, 0);
            numbering.toSubscriber(seq); // the subscriber knows 500..504 as 21..25
        }
        var rtx = new RetransmissionResponder(cache, numbering, RTX_SSRC, RTX_PT);
        List<Integer> osns = new ArrayList<>();
        byte[] request = nack(20, 22, 24);
        int sent = rtx.respond(request, 0, request.length, 20, (buf, off, len) -> {
            int payload = RtpPacket.payloadOffset(buf, off);
            osns.add((buf[payload] & 0xFF) << 8 | buf[payload + 1] & 0xFF);
            assertThat(buf[payload + 2]).as("the publisher's packet %d", osns.getLast() + 479).isEqualTo((byte) (osns.getLast() + 479));
        });
        assertThat(sent).isEqualTo(2);
        assertThat(osns).as("20 was sent before the pause: not answerable").containsExactly(22, 24);
        assertThat(rtx.notCached()).isEqualTo(1);

        var plain = RetransmissionResponder.resendingOriginals(cache, numbering);
        List<Integer> numbers = new ArrayList<>();
        plain.respond(request, 0, request.length, 20, (buf, off, len) -> numbers.add(RtpPacket.sequenceNumber(buf, off)));
        assertThat(numbers).containsExactly(22, 24);
    }

    @Test
    void doesNotResendThePacketWithinTheMinimumInterval() {
        send(7, 0);
        byte[] out = new byte[1500];
        assertThat(responder.retransmit(7, 100, out, 0)).isPositive();
        assertThat(responder.retransmit(7, 105, out, 0)).isEqualTo(RetransmissionResponder.RESENT_RECENTLY);
        assertThat(responder.retransmit(7, 110, out, 0)).isPositive();
        assertThat(responder.resentRecently()).isEqualTo(1);
    }

    @Test
    void aNewPacketInTheSameSlotIsNotHeldBackByTheOldOnesResend() {
        send(7, 0);
        byte[] out = new byte[1500];
        assertThat(responder.retransmit(7, 1, out, 0)).isPositive();
        send(7 + 64, 2); // same slot, new packet
        assertThat(responder.retransmit(7 + 64, 3, out, 0)).isPositive();
    }

    @Test
    void refusesPacketsOlderThanTheAgeLimitAndOutputThatDoesNotFit() {
        send(1, 0);
        send(2, 500);
        byte[] out = new byte[1500];
        assertThat(responder.retransmit(1, 1001, out, 0)).isEqualTo(RetransmissionResponder.TOO_OLD);
        assertThat(responder.retransmit(2, 1001, out, 0)).isPositive();
        send(3, 1000);
        assertThat(responder.retransmit(3, 1001, new byte[10], 0)).isEqualTo(RetransmissionResponder.NO_ROOM);
        assertThat(responder.tooOld()).isEqualTo(1);
    }

    @Test
    void rtxThenUnwrapGivesBackTheOriginalWithoutPadding() {
        byte[] original = rtp().seq(40000).marker(true).csrcs(5).oneByteExtension(3, (byte) 9, (byte) 9)
                .payload((byte) 1, (byte) 2, (byte) 3).build();
        cache.store(original, 0, original.length, 0);
        byte[] out = new byte[1500];
        int len = responder.retransmit(40000, 1, out, 0);

        RtxUnwrapper unwrapper = new RtxUnwrapper(4);
        unwrapper.addStream(RTX_SSRC, 0x11223344);
        unwrapper.mapPayloadType(RTX_PT, 96);
        assertThat(unwrapper.isRtx(out, 0)).isTrue();
        int unwrapped = unwrapper.unwrap(out, 0, len);
        assertThat(Arrays.copyOf(out, unwrapped)).isEqualTo(original);
    }
}
