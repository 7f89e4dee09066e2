package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.queqiao.media.rtp.RtpPacket;

class PacketCacheTest {

    private static boolean store(PacketCache cache, int seq, long now) {
        byte[] p = rtp().seq(seq).payload((byte) seq, (byte) (seq >> 8)).build();
        return cache.store(p, 0, p.length, now);
    }

    @Test
    void findsPacketsAcrossTheSequenceNumberWrap() {
        PacketCache cache = new PacketCache(128, 1500, 1000);
        for (int i = 0; i < 100; i++) {
            assertThat(store(cache, 65500 + i & 0xFFFF, 0)).isTrue();
        }
        for (int i = 0; i < 100; i++) {
            int seq = 65500 + i & 0xFFFF;
            int slot = cache.find(seq, 10);
            assertThat(slot).as("seq %d", seq).isNotNegative();
            byte[] buf = cache.buffer(slot);
            assertThat(RtpPacket.sequenceNumber(buf, 0)).isEqualTo(seq);
            assertThat(buf[RtpPacket.payloadOffset(buf, 0)]).isEqualTo((byte) seq);
            assertThat(cache.length(slot)).isEqualTo(14);
        }
        assertThat(cache.find(65499, 10)).as("never stored").isEqualTo(-1);
    }

    @Test
    void keepsOnlyTheLastCapacityPackets() {
        PacketCache cache = new PacketCache(8, 1500, 1000);
        for (int seq = 0; seq < 16; seq++) {
            store(cache, seq, seq);
        }
        for (int seq = 0; seq < 8; seq++) {
            assertThat(cache.find(seq, 20)).isEqualTo(-1);
        }
        for (int seq = 8; seq < 16; seq++) {
            assertThat(cache.find(seq, 20)).isNotNegative();
        }
    }

    @Test
    void forgetsPacketsOlderThanTheAgeLimit() {
        PacketCache cache = new PacketCache(8, 1500, 1000);
        store(cache, 5, 0);
        assertThat(cache.find(5, 1000)).isNotNegative();
        assertThat(cache.find(5, 1001)).isEqualTo(-1);
    }

    @Test
    void aLatePacketDoesNotEvictANewerOneButAnExpiredOneIsReplaced() {
        PacketCache cache = new PacketCache(8, 1500, 1000);
        store(cache, 10, 0);
        assertThat(store(cache, 2, 1)).as("reordered, older, same slot").isFalse();
        assertThat(cache.find(10, 1)).isNotNegative();
        assertThat(store(cache, 2, 2000)).as("slot holder expired").isTrue();
        assertThat(cache.find(2, 2000)).isNotNegative();
    }

    @Test
    void aDuplicateReplacesTheSlotWithANewGeneration() {
        PacketCache cache = new PacketCache(8, 1500, 1000);
        store(cache, 3, 0);
        long first = cache.generation(cache.find(3, 0));
        store(cache, 3, 1);
        assertThat(cache.generation(cache.find(3, 1))).isGreaterThan(first);
    }

    @Test
    void rejectsPacketsLargerThanASlotAndBadCapacities() {
        PacketCache cache = new PacketCache(8, 20, 1000);
        byte[] big = rtp().payload(new byte[9]).build();
        assertThat(cache.store(big, 0, big.length, 0)).isFalse();
        byte[] fits = rtp().payload(new byte[8]).build();
        assertThat(cache.store(fits, 0, fits.length, 0)).isTrue();
        assertThat(Arrays.copyOf(cache.buffer(cache.find(0, 0)), 20)).isEqualTo(fits);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PacketCache(100, 1500, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
