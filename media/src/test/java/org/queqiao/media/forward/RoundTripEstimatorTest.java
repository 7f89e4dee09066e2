package org.queqiao.media.forward;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripEstimatorTest {
    private static final int MS = 65536 / 1000; // compact NTP units per millisecond, rounded down (65.536)

    @Test
    void aRoundTripIsArrivalMinusEchoedTimeMinusTheTimeHeld() {
        RoundTripEstimator rtt = new RoundTripEstimator();
        assertThat(rtt.millis()).isEqualTo(-1);
        assertThat(rtt.retryIntervalMillis()).isEqualTo(RoundTripEstimator.UNKNOWN_RETRY_MILLIS);
        int sent = 1_000_000;
        rtt.onEcho(sent + 65536 * 2 + 65536 * 40 / 1000, sent, 65536 * 2); // held 2 s, back 40 ms after that
        assertThat(rtt.millis()).isEqualTo(40);
        assertThat(rtt.retryIntervalMillis()).isEqualTo(55); // 40 x 1.25 + 5
    }

    @Test
    void smoothsLikeTcpAndIgnoresEmptyAndStaleEchoes() {
        RoundTripEstimator rtt = new RoundTripEstimator();
        rtt.onEcho(1000 + 80 * 65536 / 1000, 1000, 0);
        rtt.onEcho(5000 + 160 * 65536 / 1000, 5000, 0); // one slow report moves it an eighth of the way
        assertThat(rtt.millis()).isEqualTo(90);
        rtt.onEcho(123456, 0, 0);                        // "no reference time yet"
        rtt.onEcho(10 * 65536 + 1000, 1000, 0);          // 10 s: an echo held across an outage
        assertThat(rtt.millis()).isEqualTo(90);
    }

    @Test
    void wrapsAroundTheCompactClockAndClampsTheRetry() {
        RoundTripEstimator rtt = new RoundTripEstimator();
        rtt.onEcho(3 * MS, -2 * MS, 0);                  // the compact clock wrapped between send and echo
        assertThat(rtt.millis()).isBetween(4L, 5L);
        assertThat(rtt.retryIntervalMillis()).isEqualTo(RoundTripEstimator.MIN_RETRY_MILLIS + 1); // 5 x 1.25 + 5 = 11
        RoundTripEstimator loopback = new RoundTripEstimator();
        loopback.onEcho(100, 101, 0);                    // a tick negative on loopback: 0, not a wrap to 18 hours
        assertThat(loopback.millis()).isZero();
        assertThat(loopback.retryIntervalMillis()).isEqualTo(RoundTripEstimator.MIN_RETRY_MILLIS);
        RoundTripEstimator far = new RoundTripEstimator();
        far.onEcho(1000 + 900 * 65536 / 1000, 1000, 0);
        assertThat(far.retryIntervalMillis()).isEqualTo(RoundTripEstimator.MAX_RETRY_MILLIS);
    }

    @Test
    void spreadsItsTriesOverTheGiveUpTimeInsteadOfCountingFive() {
        RoundTripEstimator rtt = new RoundTripEstimator();
        assertThat(rtt.maxNacks()).isEqualTo(LossDetector.DEFAULT_MAX_NACKS); // 100 ms apart until measured: 500 ms
        rtt.onEcho(100 + 4 * 65536 / 1000, 100, 0);      // 4 ms: a try every 10 ms
        assertThat(rtt.retryIntervalMillis()).isEqualTo(10);
        assertThat(rtt.maxNacks()).isEqualTo(30);        // 300 ms of tries
        RoundTripEstimator slow = new RoundTripEstimator();
        slow.onEcho(100 + 200 * 65536 / 1000, 100, 0);   // 200 ms: a try every 255 ms
        assertThat(slow.maxNacks()).isEqualTo(LossDetector.DEFAULT_MAX_NACKS);
    }
}
