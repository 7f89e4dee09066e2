package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;
import org.junit.jupiter.api.Test;

class ActiveSpeakerDetectorTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;
    /** The level a packet carries when no packet is sent (DTX). */
    private static final int NOTHING = -1;

    private final ActiveSpeakerDetector detector = new ActiveSpeakerDetector(8);
    private final List<String> changes = new ArrayList<>();

    ActiveSpeakerDetectorTest() {
        detector.addStream(ALICE);
        detector.addStream(BOB);
        detector.addStream(CAROL);
    }

    /** Runs 20 ms audio frames for each talker from {@code from} to {@code to}, updating every 100 ms. */
    private void run(long from, long to, LongToIntFunction alice, LongToIntFunction bob, LongToIntFunction carol) {
        for (long t = from; t < to; t += 20) {
            feed(ALICE, alice.applyAsInt(t), t);
            feed(BOB, bob.applyAsInt(t), t);
            feed(CAROL, carol.applyAsInt(t), t);
            if (t % 100 == 0 && detector.update(t)) {
                changes.add(t + ":" + (detector.hasDominantSpeaker() ? detector.dominantSpeaker() : "none"));
            }
        }
    }

    private void feed(long id, int level, long t) {
        if (level != NOTHING) {
            detector.onAudioLevel(id, level, t);
        }
    }

    private static LongToIntFunction talking(long from, long to) {
        return t -> t >= from && t < to ? 25 + (int) (t / 20 % 7) : 127; // speech wobbles a few dB
    }

    private static LongToIntFunction silent() {
        return t -> 127;
    }

    private static LongToIntFunction dtx() {
        return t -> NOTHING;
    }

    @Test
    void twoTalkersTakingTurnsAreEachReportedOnce() {
        run(0, 9000, t -> t < 3000 || t >= 6000 ? talking(0, 9000).applyAsInt(t) : 127,
                talking(3000, 6000), silent());
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).endsWith(":1");
        assertThat(changes.get(1)).endsWith(":2");
        assertThat(changes.get(2)).endsWith(":1");
        // Each switch comes within about a second of the turn, and not before it.
        assertThat(Long.parseLong(changes.get(1).split(":")[0])).isBetween(3000L, 4000L);
        assertThat(Long.parseLong(changes.get(2).split(":")[0])).isBetween(6000L, 7000L);
    }

    @Test
    void briefCoughsDoNotSwitchAwayFromTheSpeaker() {
        LongToIntFunction coughs = t -> (t >= 2000 && t < 2200) || (t >= 5000 && t < 5300) || (t >= 8000 && t < 8400)
                ? 0 : NOTHING; // full-scale coughs, DTX in between
        run(0, 10_000, talking(0, 10_000), coughs, silent());
        assertThat(changes).containsExactly("800:1");
    }

    @Test
    void silenceKeepsTheLastSpeaker() {
        run(0, 2000, talking(0, 2000), silent(), silent());
        run(2000, 8000, silent(), dtx(), silent());
        assertThat(changes).containsExactly("800:1");
        assertThat(detector.dominantSpeaker()).isEqualTo(ALICE);
    }

    @Test
    void steadyBackgroundNoiseNeverTakesOver() {
        run(0, 1000, talking(0, 1000), t -> 75, silent()); // -75 dBov hum from Bob
        run(1000, 6000, silent(), t -> 75, silent());
        assertThat(changes).containsExactly("800:1");
    }

    @Test
    void aLouderTalkerInterruptingTakesOverAfterTheHold() {
        run(0, 3000, talking(0, 3000), silent(), silent());
        run(3000, 6000, t -> 40, silent(), t -> 15); // Alice keeps talking softly, Carol talks loudly
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).endsWith(":3");
    }

    @Test
    void removingTheDominantSpeakerIsReportedOnce() {
        run(0, 1000, talking(0, 1000), silent(), silent());
        detector.removeStream(ALICE);
        assertThat(detector.update(1000)).isTrue();
        assertThat(detector.hasDominantSpeaker()).isFalse();
        assertThat(detector.update(1100)).isFalse();
        detector.onAudioLevel(ALICE, 0, 1100);
        assertThat(detector.addStream(ALICE)).isTrue();
    }

    @Test
    void streamsAreLimitedToThePreallocatedMeters() {
        ActiveSpeakerDetector small = new ActiveSpeakerDetector(2);
        assertThat(small.addStream(10)).isTrue();
        assertThat(small.addStream(10)).isFalse();
        assertThat(small.addStream(11)).isTrue();
        assertThat(small.addStream(12)).isFalse();
        small.removeStream(10);
        assertThat(small.addStream(12)).isTrue();
    }
}
