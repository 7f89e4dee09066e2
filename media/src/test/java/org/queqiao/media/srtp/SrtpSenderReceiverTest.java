package org.queqiao.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sender and receiver of each profile against each other: round trips, rollover, replay and forgery. */
class SrtpSenderReceiverTest {
    private static final int SSRC = 0x11223344;

    private static SrtpMasterKeys keys(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(profile.ordinal()).nextBytes(material);
        return SrtpMasterKeys.fromKeyingMaterial(profile, material);
    }

    static byte[] rtp(int seq, int payloadLen) {
        byte[] p = new byte[12 + payloadLen + 16];
        p[0] = (byte) 0x80;
        p[1] = 111;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        SrtpTransform.putInt(p, 8, SSRC);
        for (int i = 0; i < payloadLen; i++) p[12 + i] = (byte) (seq + i);
        return p;
    }

    static byte[] rtcp(int payloadWords) {
        byte[] p = new byte[8 + 4 * payloadWords + 20];
        p[0] = (byte) 0x81;
        p[1] = (byte) 201;
        p[3] = (byte) (1 + payloadWords);
        SrtpTransform.putInt(p, 4, SSRC);
        for (int i = 8; i < 8 + 4 * payloadWords; i++) p[i] = (byte) i;
        return p;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsAcrossSequenceNumberWrapAndTheRolloverCounterIsUsed(SrtpProfile profile) {
        var keys = keys(profile);
        SrtpSender sender = keys.serverSender();
        SrtpReceiver receiver = keys.clientReceiver();
        int seq = 65530;
        for (int i = 0; i < 20; i++, seq = (seq + 1) & 0xffff) {
            byte[] plain = rtp(seq, 100);
            byte[] packet = plain.clone();
            int sealed = sender.protectRtp(packet, 0, 112);
            assertThat(sealed).isEqualTo(112 + profile.tagLength());
            assertThat(Arrays.equals(packet, 12, 112, plain, 12, 112)).isFalse();

            assertThat(receiver.unprotectRtp(packet, 0, sealed)).isEqualTo(112);
            assertThat(Arrays.copyOf(packet, 112)).isEqualTo(Arrays.copyOf(plain, 112));
        }
        // After the wrap the sender protects with ROC 1: a receiver that believes ROC 0 cannot verify.
        byte[] afterWrap = rtp(30, 10);
        int sealed = keys.serverSender().protectRtp(afterWrap, 0, 22); // a fresh sender starts at ROC 0
        assertThat(receiver.unprotectRtp(afterWrap, 0, sealed)).isEqualTo(SrtpResult.AUTH_FAILED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void reorderedPacketsAroundTheWrapAreAcceptedAndReplaysAreNot(SrtpProfile profile) {
        var keys = keys(profile);
        SrtpSender sender = keys.clientSender();
        SrtpReceiver receiver = keys.serverReceiver();
        byte[][] sealed = new byte[6][];
        int[] lengths = new int[6];
        int[] seqs = {65533, 65534, 65535, 0, 1, 2};
        for (int i = 0; i < 6; i++) {
            sealed[i] = rtp(seqs[i], 40);
            lengths[i] = sender.protectRtp(sealed[i], 0, 52);
        }
        for (int i : new int[] {0, 3, 1, 4, 2, 5}) { // 0 (ROC 1) arrives before 65534 (ROC 0)
            assertThat(receiver.unprotectRtp(sealed[i].clone(), 0, lengths[i])).as("seq %d", seqs[i]).isEqualTo(52);
        }
        assertThat(receiver.unprotectRtp(sealed[4].clone(), 0, lengths[4])).isEqualTo(SrtpResult.REPLAYED);
        assertThat(receiver.unprotectRtp(sealed[1].clone(), 0, lengths[1])).isEqualTo(SrtpResult.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsFurtherBehindThanTheWindowAreRefused(SrtpProfile profile) {
        var keys = keys(profile);
        SrtpSender sender = keys.clientSender();
        SrtpReceiver receiver = keys.serverReceiver();
        byte[] old = rtp(1000, 20);
        int oldLen = sender.protectRtp(old, 0, 32);
        byte[] recent = rtp(1000 + ReplayWindow.SIZE, 20);
        int recentLen = sender.protectRtp(recent, 0, 32);

        assertThat(receiver.unprotectRtp(recent, 0, recentLen)).isEqualTo(32);
        assertThat(receiver.unprotectRtp(old, 0, oldLen)).isEqualTo(SrtpResult.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPacketsAreRejectedAndDoNotMoveTheWindow(SrtpProfile profile) {
        var keys = keys(profile);
        SrtpSender sender = keys.clientSender();
        SrtpReceiver receiver = keys.serverReceiver();
        byte[] packet = rtp(7, 50);
        int len = sender.protectRtp(packet, 0, 62);
        for (int at : new int[] {1, 3, 11, 12, 40, len - 1}) {
            byte[] forged = packet.clone();
            forged[at] ^= 0x10;
            assertThat(receiver.unprotectRtp(forged, 0, len)).as("byte %d flipped", at).isNegative();
            assertThat(receiver.unprotectRtp(packet.clone(), 0, len)).as("after byte %d", at).isEqualTo(62);
            receiver = keys.serverReceiver();
        }
        // A failed unprotect may scribble over the packet (the JDK's GCM clears its output), hence the copies.
        assertThat(receiver.unprotectRtp(packet.clone(), 0, len - 1)).isEqualTo(SrtpResult.AUTH_FAILED);
        assertThat(receiver.unprotectRtp(packet.clone(), 0, 5)).isEqualTo(SrtpResult.MALFORMED);
        assertThat(receiver.unprotectRtp(packet, 0, len)).isEqualTo(62);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void senderProtectsAnIndexAgainOnlyForTheSamePacket(SrtpProfile profile) {
        var keys = keys(profile);
        SrtpSender sender = keys.serverSender();
        SrtpReceiver receiver = keys.clientReceiver();
        byte[] first = rtp(9, 10);
        int len = sender.protectRtp(first, 0, 22);
        byte[] next = rtp(10, 10);
        int nextLen = sender.protectRtp(next, 0, 22);
        assertThat(receiver.unprotectRtp(next, 0, nextLen)).as("the receiver lost 9 and got 10").isEqualTo(22);

        // a NACKed packet without RTX (audio) goes out again as it was: the very same bytes, which the receiver takes
        byte[] again = rtp(9, 10);
        assertThat(sender.protectRtp(again, 0, 22)).isEqualTo(len);
        assertThat(again).isEqualTo(first);
        assertThat(receiver.unprotectRtp(again, 0, len)).isEqualTo(22);

        // other content under an index already used would reuse the key stream: refused
        byte[] other = rtp(9, 10);
        other[20] ^= 1;
        assertThat(sender.protectRtp(other, 0, 22)).isEqualTo(SrtpResult.REPLAYED);
        byte[] longer = rtp(9, 11);
        assertThat(sender.protectRtp(longer, 0, 23)).isEqualTo(SrtpResult.REPLAYED);
        // and the same packet stays allowed after a refusal
        assertThat(sender.protectRtp(rtp(9, 10), 0, 22)).isEqualTo(len);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void senderRefusesAnIndexFurtherBackThanItsWindow(SrtpProfile profile) {
        SrtpSender sender = keys(profile).serverSender();
        assertThat(sender.protectRtp(rtp(100, 10), 0, 22)).isPositive();
        assertThat(sender.protectRtp(rtp(100 + ReplayWindow.SIZE, 10), 0, 22)).isPositive();
        assertThat(sender.protectRtp(rtp(100, 10), 0, 22)).isEqualTo(SrtpResult.REPLAYED);
        assertThat(sender.protectRtp(rtp(101, 10), 0, 22)).as("never sent, inside the window").isPositive();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectingIntoAnotherBufferLeavesTheCallersPacketAlone(SrtpProfile profile) {
        SrtpSender sender = keys(profile).serverSender();
        byte[] packet = rtp(9, 30);
        byte[] before = packet.clone();
        byte[] out = new byte[1500];
        int len = sender.protectRtp(packet, 0, 42, out, 100);
        assertThat(len).isEqualTo(42 + profile.tagLength());
        assertThat(packet).isEqualTo(before);
        assertThat(keys(profile).clientReceiver().unprotectRtp(out, 100, len)).isEqualTo(42);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtcpRoundTripsWithRisingIndexAndRefusesReplaysAndForgeries(SrtpProfile profile) {
        var keys = keys(profile);
        SrtpSender sender = keys.clientSender();
        SrtpReceiver receiver = keys.serverReceiver();
        for (int i = 0; i < 3; i++) {
            byte[] plain = rtcp(6);
            byte[] packet = plain.clone();
            int len = sender.protectRtcp(packet, 0, 32);
            assertThat(len).isEqualTo(32 + 4 + profile.tagLength());
            assertThat(Arrays.equals(packet, 8, 32, plain, 8, 32)).as("payload encrypted").isFalse();
            byte[] copy = packet.clone();

            assertThat(receiver.unprotectRtcp(packet, 0, len)).isEqualTo(32);
            assertThat(Arrays.copyOf(packet, 32)).isEqualTo(Arrays.copyOf(plain, 32));
            assertThat(receiver.unprotectRtcp(copy.clone(), 0, len)).isEqualTo(SrtpResult.REPLAYED);
            if (i == 2) {
                copy[len - 20] ^= 1;
                assertThat(receiver.unprotectRtcp(copy, 0, len)).isNegative();
            }
        }
    }
}
