package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyframeRequestLimiterTest {
    private final KeyframeRequestLimiter limiter = new KeyframeRequestLimiter(500);

    @Test
    void theFirstRequestGoesOutAndTheNextOnesInTheIntervalAreMergedIntoOne() {
        assertThat(limiter.request(1000)).isTrue();
        assertThat(limiter.request(1100)).isFalse();
        assertThat(limiter.request(1200)).isFalse();
        assertThat(limiter.hasPending()).isTrue();
        assertThat(limiter.pollPending(1499)).isFalse();
        assertThat(limiter.pollPending(1500)).as("one request for both").isTrue();
        assertThat(limiter.pollPending(2100)).as("only once").isFalse();
        assertThat(limiter.sent()).isEqualTo(2);
        assertThat(limiter.merged()).isEqualTo(2);
    }

    @Test
    void aRequestAfterTheIntervalGoesOutDirectly() {
        assertThat(limiter.request(0)).isTrue();
        assertThat(limiter.request(500)).isTrue();
        assertThat(limiter.pollPending(10_000)).isFalse();
    }

    @Test
    void aKeyframeFromThePublisherSatisfiesWaitingRequests() {
        limiter.request(0);
        limiter.request(100);
        limiter.onKeyframe();
        assertThat(limiter.hasPending()).isFalse();
        assertThat(limiter.pollPending(600)).isFalse();
    }

    @Test
    void aStormOfRequestsBecomesOnePerInterval() {
        int upstream = 0;
        for (long now = 0; now < 10_000; now += 7) { // 40 subscribers' worth of PLIs
            if (limiter.request(now)) {
                upstream++;
            }
            if (limiter.pollPending(now)) {
                upstream++;
            }
        }
        assertThat(upstream).isBetween(19, 21);
    }

    @Test
    void firSequenceNumbersIncreasePerRequestAndWrapAt256() {
        assertThat(limiter.nextFirSequenceNumber()).isZero();
        assertThat(limiter.nextFirSequenceNumber()).isEqualTo(1);
        for (int i = 2; i < 256; i++) {
            limiter.nextFirSequenceNumber();
        }
        assertThat(limiter.nextFirSequenceNumber()).isZero();
    }
}
