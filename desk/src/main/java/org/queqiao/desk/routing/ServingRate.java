package org.queqiao.desk.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A group's recent serving rate (assignments per second over the estimate's window), the divisor of a waiting
 * visitor's estimated wait. Counted from the database, re-read at most once per {@link #REFRESH}: a queue round
 * runs up to four times a second per group, and over a 15-minute window a few seconds move the rate by well
 * under one percent. Counted on every round, the statement was the desk's third-costliest under churn (a
 * young table's count is a scan of all of it).
 */
final class ServingRate {
    static final Duration REFRESH = Duration.ofSeconds(5);

    /** Conversations handed to agents of the group since the instant. */
    interface Counter {
        int assignedSince(UUID groupId, Instant since);
    }

    private record Reading(Instant at, double perSecond) {}

    private final Counter counter;
    private final Clock clock;
    private final Duration window;
    private final Map<UUID, Reading> byGroup = new ConcurrentHashMap<>();

    ServingRate(Counter counter, Clock clock, Duration window) {
        this.counter = counter;
        this.clock = clock;
        this.window = window;
    }

    /** Assignments per second in the group over the last window, as read at most {@link #REFRESH} ago. */
    double perSecond(UUID groupId) {
        Instant now = clock.instant();
        Reading last = byGroup.get(groupId);
        if (last != null && now.isBefore(last.at().plus(REFRESH))) return last.perSecond();
        double rate = counter.assignedSince(groupId, now.minus(window)) / (double) window.toSeconds();
        byGroup.put(groupId, new Reading(now, rate));
        return rate;
    }
}
