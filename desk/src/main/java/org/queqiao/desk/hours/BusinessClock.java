package org.queqiao.desk.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts only the open time of a {@link WeeklySchedule}. Immutable and thread-safe.
 *
 * <p>The edges of a span (the dates of its two ends, and one date either side, because near a DST
 * switch an instant can sit in the neighbouring date's hours) are added up interval by interval,
 * clipped to the span; the dates in between are summed arithmetically by {@link OpenTime}. Searches
 * (next opening, deadline) jump whole weeks the same way and look at most {@link #HORIZON_DAYS} ahead.
 */
public final class BusinessClock {
    /** About ten years: beyond it a search reports "never" instead of walking on. */
    public static final int HORIZON_DAYS = 3660;

    private final WeeklySchedule schedule;
    private final ZoneTimeline timeline;
    private final OpenTime openTime;

    public BusinessClock(WeeklySchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.timeline = new ZoneTimeline(schedule.zone());
        this.openTime = new OpenTime(schedule, timeline);
    }

    public WeeklySchedule schedule() { return schedule; }

    public boolean isOpen(Instant t) {
        LocalDate date = timeline.dateOf(t);
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            for (OpeningInterval i : schedule.intervalsOn(d)) {
                if (!t.isBefore(timeline.at(d, i.startMinute())) && t.isBefore(timeline.at(d, i.endMinute()))) return true;
            }
        }
        return false;
    }

    /** {@code t} itself when open at {@code t}, else when the next interval starts; empty if none within the horizon. */
    public Optional<Instant> nextOpening(Instant t) {
        LocalDate last = timeline.dateOf(t).plusDays(HORIZON_DAYS);
        for (LocalDate d = timeline.dateOf(t).minusDays(1); d != null && !d.isAfter(last); d = nextCandidate(d)) {
            // Dates map to instants in order, so the first interval still running after t is the answer.
            for (OpeningInterval i : schedule.intervalsOn(d)) {
                Instant s = timeline.at(d, i.startMinute());
                Instant e = timeline.at(d, i.endMinute());
                if (e.isAfter(t) && e.isAfter(s)) return Optional.of(s.isAfter(t) ? s : t);
            }
        }
        return Optional.empty();
    }

    /** Open time in [from, to); zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        LocalDate a = timeline.dateOf(from);
        LocalDate b = timeline.dateOf(to);
        if (ChronoUnit.DAYS.between(a, b) < 4) return clipped(a.minusDays(1), b.plusDays(1), from, to);
        return clipped(a.minusDays(1), a.plusDays(1), from, to)
                .plus(openTime.between(a.plusDays(2), b.minusDays(1)))
                .plus(clipped(b.minusDays(1), b.plusDays(1), from, to));
    }

    /**
     * The instant at which {@code businessTime} of open time has passed since {@code start}: an SLA's
     * due time. When the amount runs out exactly at closing, that closing instant (not the next
     * opening) is the answer. Empty when the schedule never gathers that much within the horizon.
     */
    public Optional<Instant> deadline(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) throw new IllegalArgumentException("negative business time " + businessTime);
        if (businessTime.isZero()) return Optional.of(start);
        Duration left = businessTime;
        LocalDate first = timeline.dateOf(start).minusDays(1);
        LocalDate last = first.plusDays(HORIZON_DAYS);
        LocalDate d = first;
        while (d != null && !d.isAfter(last)) {
            Duration open = clipped(d, d, start, null);
            if (open.compareTo(left) >= 0) return Optional.of(within(d, start, left));
            left = left.minus(open);
            d = d.plusDays(1);
            // Past the start's edge dates every date lies wholly after start: whole weeks can be skipped.
            if (ChronoUnit.DAYS.between(first, d) >= 3) {
                if (openTime.weekMinutes() == 0) {
                    d = schedule.openDates().ceilingKey(d);
                } else {
                    long weeks = Math.min(left.toMinutes() / openTime.weekMinutes(), ChronoUnit.DAYS.between(d, last) / 7 + 1);
                    // Extra open dates and fall-back days can make k weeks hold more than k nominal weeks; halve until it fits.
                    for (; weeks > 0; weeks /= 2) {
                        Duration chunk = openTime.between(d, d.plusWeeks(weeks));
                        if (chunk.compareTo(left) < 0) {
                            left = left.minus(chunk);
                            d = d.plusWeeks(weeks);
                            break;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The next date that can have hours: any date, or only extra open dates when no weekday ever opens. */
    private LocalDate nextCandidate(LocalDate d) {
        return openTime.weekMinutes() > 0 ? d.plusDays(1) : schedule.openDates().higherKey(d);
    }

    /** Open time of the dates [first, last] inside [lo, hi); {@code hi} null means unbounded. */
    private Duration clipped(LocalDate first, LocalDate last, Instant lo, Instant hi) {
        Duration total = Duration.ZERO;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (OpeningInterval i : schedule.intervalsOn(d)) {
                Instant s = latest(timeline.at(d, i.startMinute()), lo);
                Instant e = timeline.at(d, i.endMinute());
                if (hi != null && e.isAfter(hi)) e = hi;
                if (e.isAfter(s)) total = total.plus(Duration.between(s, e));
            }
        }
        return total;
    }

    /** Where, on date {@code d} after {@code lo}, {@code left} of open time runs out (the caller knows it does). */
    private Instant within(LocalDate d, Instant lo, Duration left) {
        for (OpeningInterval i : schedule.intervalsOn(d)) {
            Instant s = latest(timeline.at(d, i.startMinute()), lo);
            Instant e = timeline.at(d, i.endMinute());
            if (!e.isAfter(s)) continue;
            Duration open = Duration.between(s, e);
            if (open.compareTo(left) >= 0) return s.plus(left);
            left = left.minus(open);
        }
        throw new IllegalStateException("open time on " + d + " ran out before " + left);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
