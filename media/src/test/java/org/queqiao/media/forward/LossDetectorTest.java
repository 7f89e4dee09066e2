package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LossDetectorTest {
    private final int[] out = new int[512];

    /** window 64, max gap 32, first NACK after 5 ms, retry every 100 ms, 3 NACKs at most */
    private final LossDetector detector = new LossDetector(64, 32, 5, 100, 3);

    private int[] poll(long now) {
        return Arrays.copyOf(out, detector.poll(now, out));
    }

    private void receive(long now, int... seqs) {
        for (int seq : seqs) {
            detector.onPacket(seq, now);
        }
    }

    /** What tells a resend from a new packet (audio's receiver reports leave resends out of the loss they report). */
    @Test
    void saysWhichPacketFilledAGap() {
        assertThat(detector.onPacket(10, 0)).isFalse();
        assertThat(detector.onPacket(11, 0)).isFalse();
        assertThat(detector.onPacket(14, 0)).isFalse(); // 12 and 13 missing
        assertThat(detector.onPacket(13, 20)).isTrue();
        assertThat(detector.onPacket(13, 21)).as("a second copy fills nothing").isFalse();
        assertThat(detector.onPacket(11, 21)).as("a duplicate of one never missing").isFalse();
        assertThat(detector.onPacket(12, 30)).isTrue();
        assertThat(detector.missingCount()).isZero();
    }

    @Test
    void inOrderPacketsAreNeverNacked() {
        for (int seq = 0; seq < 1000; seq++) {
            detector.onPacket(seq, seq);
            assertThat(detector.poll(seq, out)).isZero();
        }
        assertThat(detector.missingCount()).isZero();
    }

    @Test
    void aGapIsNackedAfterTheFirstDelay() {
        receive(0, 10, 11, 15);
        assertThat(detector.missingCount()).isEqualTo(3);
        assertThat(poll(4)).isEmpty();
        assertThat(poll(5)).containsExactly(12, 13, 14);
        assertThat(poll(6)).as("not again before the retry interval").isEmpty();
    }

    @Test
    void reorderedArrivalsFillTheGapBeforeAnyNack() {
        receive(0, 10, 12, 11, 14, 13);
        assertThat(detector.missingCount()).isZero();
        assertThat(detector.recovered()).isEqualTo(2);
        assertThat(poll(100)).isEmpty();
    }

    @Test
    void aRetransmissionStopsFurtherNacks() {
        receive(0, 1, 3);
        assertThat(poll(5)).containsExactly(2);
        receive(40, 2);
        assertThat(poll(105)).isEmpty();
        assertThat(detector.recovered()).isEqualTo(1);
    }

    @Test
    void aRaisedLimitKeepsAskingForAPacketAlreadyBeingAskedFor() {
        receive(0, 1, 3);
        assertThat(poll(5)).containsExactly(2);
        detector.setRetryIntervalMillis(10);
        detector.setMaxNacks(6); // the fixture's limit is 3
        assertThat(poll(105)).containsExactly(2);
        for (int t = 115; t <= 145; t += 10) assertThat(poll(t)).as("try at %d ms", t).containsExactly(2);
        assertThat(poll(1000)).as("given up after 6").isEmpty();
        assertThat(detector.givenUp()).isEqualTo(1);
    }

    @Test
    void reNacksUpToTheLimitSpacedByTheRetryIntervalThenGivesUp() {
        receive(0, 1, 3);
        assertThat(poll(5)).containsExactly(2);
        assertThat(poll(104)).isEmpty();
        assertThat(poll(105)).containsExactly(2);
        detector.setRetryIntervalMillis(50);
        assertThat(poll(205)).containsExactly(2);
        assertThat(poll(1000)).as("given up after 3").isEmpty();
        assertThat(detector.givenUp()).isEqualTo(1);
        assertThat(detector.missingCount()).isZero();
    }

    @Test
    void gapsAcrossTheWrapAreNackedInSequenceOrder() {
        receive(0, 65533, 65534, 2);
        assertThat(poll(5)).containsExactly(65535, 0, 1);
        receive(6, 0);
        assertThat(poll(200)).containsExactly(65535, 1);
    }

    @Test
    void duplicatesChangeNothing() {
        receive(0, 5, 6, 6, 8, 8, 6);
        assertThat(detector.missingCount()).isEqualTo(1);
        assertThat(poll(10)).containsExactly(7);
    }

    @Test
    void aHugeJumpClearsStateInsteadOfNackingThousands() {
        receive(0, 100, 102);
        receive(1, 5000);
        assertThat(detector.resets()).isEqualTo(1);
        assertThat(detector.missingCount()).isZero();
        assertThat(poll(10)).isEmpty();
        receive(2, 5002);
        assertThat(poll(10)).containsExactly(5001);
    }

    @Test
    void aStreamThatRestartsBackwardsIsFollowedAfterTwoConsecutivePackets() {
        receive(0, 30000, 30001);
        receive(1, 100);
        receive(2, 101, 103);
        assertThat(detector.resets()).isEqualTo(1);
        assertThat(poll(10)).containsExactly(102);
    }

    @Test
    void aLonePacketFarBehindIsIgnored() {
        receive(0, 30000, 100, 30002);
        assertThat(detector.resets()).isZero();
        assertThat(poll(10)).containsExactly(30001);
    }

    @Test
    void memoryIsBoundedByTheWindowAndOldMarksAreGivenUp() {
        // Every other packet lost for 300 packets: at most 64 sequence numbers are ever tracked.
        for (int seq = 0; seq < 600; seq += 2) {
            detector.onPacket(seq, 0);
            assertThat(detector.missingCount()).isLessThanOrEqualTo(32);
        }
        int[] due = poll(5);
        assertThat(due).isNotEmpty();
        assertThat(Arrays.stream(due).boxed().toList()).allMatch(seq -> seq > 598 - 64 && seq < 598);
        assertThat(detector.givenUp()).isPositive();
    }

    @Test
    void aFullOutputArrayLeavesTheRestDueForTheNextPoll() {
        receive(0, 0, 21);
        int[] small = new int[8];
        assertThat(detector.poll(5, small)).isEqualTo(8);
        assertThat(small).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(poll(6)).containsExactly(9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
    }

    /**
     * 20,000 packets, one per millisecond, across the wrap, with 5 % random loss (bursts included) and
     * 2 % of neighbours swapped; every NACKed packet is retransmitted and arrives 30 ms later. Nothing
     * that arrived is ever NACKed, every lost packet is NACKed, and every loss is repaired.
     */
    @Test
    void generatedLossyReorderedStreamIsFullyRepaired() {
        LossDetector lossDetector = new LossDetector();
        SplittableRandom random = new SplittableRandom(42);
        int count = 20_000;
        int first = 60_000;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = 0; i + 1 < count; i++) {
            if (random.nextInt(100) < 2) {
                int t = order[i];
                order[i] = order[i + 1];
                order[i + 1] = t;
                i++;
            }
        }
        Set<Integer> lost = new HashSet<>();
        for (int i = 0; i < count - 10; i++) { // the last few arrive: a gap needs a later packet to show
            if (random.nextInt(1000) < 2) {
                for (int k = 0; k < 5; k++) {
                    lost.add(order[i + k]);
                }
                i += 4;
            } else if (random.nextInt(100) < 4) {
                lost.add(order[i]);
            }
        }
        Set<Integer> arrived = new HashSet<>();
        Map<Long, List<Integer>> retransmissions = new HashMap<>();
        Set<Integer> nacked = new HashSet<>();
        int[] due = new int[1024];
        for (long now = 0; now < count + 1000; now++) {
            if (now < count) {
                int index = order[(int) now];
                if (!lost.contains(index)) {
                    lossDetector.onPacket(first + index & 0xFFFF, now);
                    arrived.add(index);
                }
            }
            for (int index : retransmissions.getOrDefault(now, List.of())) {
                lossDetector.onPacket(first + index & 0xFFFF, now);
                arrived.add(index);
            }
            if (now % 10 == 0) {
                int n = lossDetector.poll(now, due);
                for (int k = 0; k < n; k++) {
                    int index = (due[k] - first) & 0xFFFF;
                    assertThat(arrived).as("NACKed %d after it arrived", index).doesNotContain(index);
                    assertThat(lost).contains(index);
                    nacked.add(index);
                    retransmissions.computeIfAbsent(now + 30, t -> new ArrayList<>()).add(index);
                }
            }
        }
        assertThat(nacked).isEqualTo(lost);
        assertThat(lossDetector.missingCount()).isZero();
        assertThat(lossDetector.givenUp()).isZero();
        assertThat(lossDetector.recovered()).isGreaterThanOrEqualTo(lost.size());
    }
}
