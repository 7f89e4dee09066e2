package org.queqiao.desk.routing;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.id.Ids;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ServingRateTest {
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger assigned = new AtomicInteger();
    private final List<Instant> askedSince = new ArrayList<>();
    private final ServingRate rate = new ServingRate((group, since) -> {
        askedSince.add(since);
        return assigned.get();
    }, clock, WINDOW);

    @Test
    void theRateIsTheWindowsAssignmentsPerSecond() {
        assigned.set(450);
        assertThat(rate.perSecond(Ids.newId())).isEqualTo(0.5);
        assertThat(askedSince).containsExactly(T0.minus(WINDOW));
    }

    @Test
    void roundsWithinTheRefreshReuseTheLastReadingThenReadAgain() {
        UUID group = Ids.newId();
        assigned.set(90);
        assertThat(rate.perSecond(group)).isEqualTo(0.1);
        assigned.set(900);
        now = T0.plus(ServingRate.REFRESH).minusMillis(1);
        assertThat(rate.perSecond(group)).as("within the refresh").isEqualTo(0.1);
        now = T0.plus(ServingRate.REFRESH);
        assertThat(rate.perSecond(group)).as("once it has passed").isEqualTo(1.0);
        assertThat(askedSince).containsExactly(T0.minus(WINDOW), now.minus(WINDOW));
    }

    @Test
    void eachGroupHasItsOwnReading() {
        assigned.set(90);
        UUID a = Ids.newId();
        assertThat(rate.perSecond(a)).isEqualTo(0.1);
        assigned.set(180);
        assertThat(rate.perSecond(Ids.newId())).isEqualTo(0.2);
        assertThat(rate.perSecond(a)).isEqualTo(0.1);
        assertThat(askedSince).hasSize(2);
    }
}
