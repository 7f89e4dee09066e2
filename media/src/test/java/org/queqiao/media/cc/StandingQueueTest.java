package org.queqiao.media.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.media.rtp.RtpPacketBuilder.rtp;

import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class StandingQueueTest {
    private static final long PACKET_INTERVAL_MICROS = 5_000; // 200 packets a second
    /** The receiver's clock runs this far from ours: only differences may matter. */
    private static final long CLOCK_OFFSET_MICROS = -123_456_789;

    private final TransportSequence sequence = new TransportSequence(3, 111, 0);
    /** Every judged interval's standing queue, as the operators' histogram is told it. */
    private final java.util.List<Long> judged = new java.util.ArrayList<>();
    private final StandingQueue queue = new StandingQueue(sequence, judged::add);
    private final byte[] packet = rtp().payloadType(96).payload(new byte[1000]).build();
    private final byte[] out = new byte[2048];
    private long nowMicros;
    private int number;

    /**
     * Sends packets for {@code micros}, each reported as arriving after the path's 10 ms plus {@code queued(sentAt)},
     * in feedback messages of 20 packets (every 100 ms); returns how many overuses were found.
     */
    private int run(long micros, LongUnaryOperator queued) {
        int overuses = 0;
        long[] sentAt = new long[20];
        int[] numbers = new int[20];
        int pending = 0;
        for (long end = nowMicros + micros; nowMicros < end; nowMicros += PACKET_INTERVAL_MICROS) {
            sequence.stamp(packet, 0, packet.length, out, nowMicros * 1_000);
            sentAt[pending] = nowMicros;
            numbers[pending++] = number;
            number = number + 1 & 0xFFFF;
            if (pending == sentAt.length) {
                for (int i = 0; i < pending; i++) {
                    queue.received(numbers[i], sentAt[i] + CLOCK_OFFSET_MICROS + 10_000 + queued.applyAsLong(sentAt[i]));
                }
                pending = 0;
                if (queue.takeOveruse()) overuses++;
            }
        }
        return overuses;
    }

    @Test
    void jitterOnSomePacketsIsNoQueue() {
        java.util.Random random = new java.util.Random(7);
        // every third packet up to 15 ms late (a busy receiver, a burst): the least delayed of each interval was not
        int overuses = run(20_000_000, t -> random.nextInt(3) == 0 ? random.nextInt(15_000) : random.nextInt(500));

        assertThat(overuses).isZero();
        assertThat(queue.intervals()).isGreaterThan(90);
        assertThat(judged).hasSize((int) queue.intervals()).allSatisfy(standing -> assertThat(standing).isBetween(0L, 500L));
    }

    @Test
    void aQueueThatStandsIsOveruseWithinTwoIntervalsAndAgainWhileItStands() {
        assertThat(run(5_000_000, t -> 0)).isZero();
        long start = nowMicros;
        // a link we fill: the queue grows to 50 ms (a tbf's limit) within half a second and stays
        int overuses = run(2_000_000, t -> Math.min(50_000, (t - start) / 10));

        assertThat(overuses).isBetween(3, 5);
        assertThat(queue.lastStandingMicros()).isGreaterThanOrEqualTo(45_000);
        assertThat(run(2_000_000, t -> 0)).as("drained").isZero();
    }

    @Test
    void oneIntervalOfEveryPacketLateIsNotEnough() {
        assertThat(run(5_000_000, t -> 0)).isZero();
        long start = nowMicros;
        // the receiver's thread stalled for 200 ms: everything in one interval arrived 80 ms late
        assertThat(run(3_000_000, t -> t - start < 200_000 ? 80_000 : 0)).isZero();
    }

    @Test
    void aClockThatJumpsStartsTheBaseOver() {
        assertThat(run(5_000_000, t -> 0)).isZero();
        assertThat(run(5_000_000, t -> 3_600_000_000L)).as("an hour later: a jump, not a queue").isZero();
        long start = nowMicros;
        assertThat(run(1_000_000, t -> 3_600_000_000L + Math.min(40_000, (t - start) / 5))).isPositive();
    }

    @Test
    void numbersItNeverSentOrNoLongerKnowsAreIgnored() {
        queue.received(42, 1_000);
        queue.lost(43);
        assertThat(queue.intervals()).isZero();
        assertThat(queue.lastStandingMicros()).isEqualTo(-1);
        assertThat(queue.takeOveruse()).isFalse();
    }
}
