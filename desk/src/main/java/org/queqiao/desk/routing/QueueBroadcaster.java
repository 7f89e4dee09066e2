package org.queqiao.desk.routing;

import org.queqiao.desk.store.RoutingStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells waiting visitors their place in the queue and an estimated wait, and the group's agents how
 * long the queue is. Rounds are coalesced per group: at most one every {@code spacing} (ADR 0010), so a
 * burst of decisions costs one round of reads and pushes, and a visitor hears of a change within
 * {@code spacing} plus one round. Only visitors whose place changed are told again.
 */
public final class QueueBroadcaster {
    private final RoutingStore store;
    private final DeskTimers timers;
    private final Clock clock;
    private final Duration spacing;
    private final ServingRate rate;
    private final QueueListener listener;
    private final Map<UUID, Round> rounds = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> lastPosition = new ConcurrentHashMap<>();
    /** What each group's agents were told last: a round that changes nothing for them pushes nothing. */
    private final Map<UUID, Summary> lastSummary = new ConcurrentHashMap<>();

    private record Summary(int waiting, long longestWaitSeconds) {}

    public QueueBroadcaster(RoutingStore store, DeskTimers timers, Clock clock, Duration spacing, Duration rateWindow, QueueListener listener) {
        this.store = store;
        this.timers = timers;
        this.clock = clock;
        this.spacing = spacing;
        this.rate = new ServingRate(store::assignedSince, clock, rateWindow);
        this.listener = listener;
    }

    /** Who hears of positions. */
    public interface QueueListener {
        void position(UUID orgId, UUID conversationId, UUID visitorId, int position, Long estimatedWaitSeconds);

        void queue(UUID orgId, UUID groupId, int waiting, long longestWaitSeconds);
    }

    /**
     * One group's rounds: when the last started, whether one is scheduled or running (never two at once),
     * and whether the queue changed while one ran (then another follows it).
     */
    private static final class Round {
        Instant last = Instant.EPOCH;
        boolean busy;
        boolean dirty;
    }

    /** The group's queue changed (someone joined, left or was served). */
    public void changed(UUID orgId, UUID groupId) {
        Round r = rounds.computeIfAbsent(groupId, k -> new Round());
        synchronized (r) {
            if (r.busy) {
                r.dirty = true;
                return;
            }
            r.busy = true;
        }
        schedule(orgId, groupId, r);
    }

    private void schedule(UUID orgId, UUID groupId, Round r) {
        Instant earliest;
        synchronized (r) {
            earliest = r.last.plus(spacing);
        }
        Instant now = clock.instant();
        timers.at(earliest.isAfter(now) ? earliest : now, () -> {
            try {
                broadcast(orgId, groupId, r);
            } finally {
                boolean again;
                synchronized (r) {
                    again = r.dirty;
                    r.dirty = false;
                    r.busy = again;
                }
                if (again) schedule(orgId, groupId, r);
            }
        });
    }

    private void broadcast(UUID orgId, UUID groupId, Round r) {
        synchronized (r) {
            r.last = clock.instant();
            r.dirty = false;
        }
        Instant now = clock.instant();
        List<RoutingStore.Waiting> queue = store.queue(orgId, groupId);
        // the serving rate is only needed for someone's estimate (an empty queue is the usual case while agents have room)
        double perSecond = queue.isEmpty() ? 0 : rate.perSecond(groupId);
        for (int i = 0; i < queue.size(); i++) {
            RoutingStore.Waiting w = queue.get(i);
            int position = i + 1;
            Integer before = lastPosition.put(w.conversationId(), position);
            if (before != null && before == position) continue;
            Long eta = perSecond > 0 ? Math.round(position / perSecond) : null;
            listener.position(orgId, w.conversationId(), w.visitorId(), position, eta);
        }
        long longest = queue.stream().map(RoutingStore.Waiting::queuedAt).min(Instant::compareTo)
                .map(t -> Duration.between(t, now).toSeconds()).orElse(0L);
        Summary summary = new Summary(queue.size(), longest);
        if (!summary.equals(lastSummary.put(groupId, summary))) listener.queue(orgId, groupId, queue.size(), longest);
    }

    /** The conversation left the queue: forget its last position. */
    public void left(UUID conversationId) {
        lastPosition.remove(conversationId);
    }
}
