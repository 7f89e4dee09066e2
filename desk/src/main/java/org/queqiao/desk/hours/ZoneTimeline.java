package org.queqiao.desk.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.List;

/**
 * Maps "this local date at this minute" to an instant in one time zone, in a way that never goes
 * backwards: a later local time never maps to an earlier instant. That is what lets the clock add up
 * intervals day by day without counting any real minute twice.
 *
 * <ul>
 *   <li>A time inside a DST gap (02:30 on a spring-forward day) does not exist; it maps to the instant
 *       of the switch, so 00:00–03:00 on that day is the two real hours it lasts.</li>
 *   <li>A time inside a repeated hour (01:30 on a fall-back day) means its first occurrence, so
 *       00:00–03:00 on that day is the four real hours it lasts.</li>
 *   <li>24:00 is the next day's 00:00, so 22:00–24:00 and the next day's 00:00–06:00 touch.</li>
 * </ul>
 */
final class ZoneTimeline {
    private final ZoneId zone;
    private final ZoneRules rules;

    ZoneTimeline(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    Instant at(LocalDate date, int minuteOfDay) {
        LocalDateTime local = minuteOfDay >= OpeningInterval.DAY_MINUTES
                ? date.plusDays(1).atStartOfDay()
                : date.atTime(minuteOfDay / 60, minuteOfDay % 60);
        // In a repeated hour the offset before the switch comes first, which is the earlier instant.
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        return offsets.isEmpty() ? rules.getTransition(local).getInstant() : local.toInstant(offsets.get(0));
    }

    LocalDate dateOf(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    /**
     * Adds every local date whose open time may differ from its nominal minutes because the offset
     * changes between {@code from} and {@code to} (generously: the days around each switch too; a
     * date that is not really affected just computes to its nominal length).
     */
    void addShiftedDates(Instant from, Instant to, Collection<LocalDate> into) {
        if (rules.isFixedOffset()) return;
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
             t = rules.nextTransition(t.getInstant())) {
            LocalDate before = t.getDateTimeBefore().toLocalDate();
            LocalDate after = t.getDateTimeAfter().toLocalDate();
            LocalDate last = (before.isAfter(after) ? before : after).plusDays(1);
            for (LocalDate d = (before.isBefore(after) ? before : after).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
                into.add(d);
            }
        }
    }
}
