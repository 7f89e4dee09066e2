package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AudioLevelMeterTest {
    private final AudioLevelMeter meter = new AudioLevelMeter(500);

    @Test
    void steadySpeechReadsAsItsLoudness() {
        for (long t = 0; t < 1000; t += 20) {
            meter.onLevel(30, t);
        }
        assertThat(meter.loudness(1000)).isCloseTo(97, within(0.01));
    }

    @Test
    void silencePacketsAndMissingPacketsBothReadAsSilence() {
        for (long t = 0; t < 1000; t += 20) {
            meter.onLevel(30, t);
        }
        for (long t = 1000; t < 2000; t += 20) {
            meter.onLevel(127, t);
        }
        assertThat(meter.loudness(2000)).isZero();
        assertThat(meter.loudness(5000)).as("nothing heard in the window").isZero();
    }

    @Test
    void aShortCoughAfterSilenceWeighsOnlyItsDuration() {
        // DTX: nothing for a while, then 100 ms (5 frames) at full scale.
        for (long t = 1000; t < 1100; t += 20) {
            meter.onLevel(0, t);
        }
        assertThat(meter.loudness(1100)).isCloseTo(127.0 * 5 / 25, within(0.01));
    }

    @Test
    void theWindowSlides() {
        for (long t = 0; t < 500; t += 20) {
            meter.onLevel(27, t); // loudness 100
        }
        assertThat(meter.loudness(500)).isCloseTo(100, within(0.01));
        assertThat(meter.loudness(750)).as("half the window has passed").isCloseTo(48, within(0.01));
    }

    @Test
    void outOfRangeLevelsAreClamped() {
        meter.onLevel(-5, 0);
        meter.onLevel(500, 0);
        assertThat(meter.loudness(1)).isCloseTo(127.0 / 25, within(0.01));
    }
}
