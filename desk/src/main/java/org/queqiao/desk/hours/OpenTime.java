package org.queqiao.desk.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much open time whole local dates hold, computed arithmetically: a span of dates is its whole
 * weeks times the weekly minutes plus the leftover weekdays, corrected only on the few dates that do
 * not follow the weekly pattern (holidays, extra open dates, DST switch days). A year costs a handful
 * of map look-ups and two zone transitions, not 366 days of work.
 */
final class OpenTime {
    private final WeeklySchedule schedule;
    private final ZoneTimeline timeline;
    private final long[] nominalMinutes = new long[7];
    private final long weekMinutes;

    OpenTime(WeeklySchedule schedule, ZoneTimeline timeline) {
        this.schedule = schedule;
        this.timeline = timeline;
        long week = 0;
        for (DayOfWeek d : DayOfWeek.values()) {
            long m = schedule.week().getOrDefault(d, List.of()).stream().mapToLong(OpeningInterval::minutes).sum();
            nominalMinutes[d.ordinal()] = m;
            week += m;
        }
        this.weekMinutes = week;
    }

    /** Open minutes of an ordinary week; 0 when only extra open dates ever open. */
    long weekMinutes() { return weekMinutes; }

    /** The real open time of one date: DST switch days are an hour longer or shorter where open. */
    Duration onDate(LocalDate date) {
        Duration total = Duration.ZERO;
        for (OpeningInterval i : schedule.intervalsOn(date)) {
            Instant s = timeline.at(date, i.startMinute());
            Instant e = timeline.at(date, i.endMinute());
            if (e.isAfter(s)) total = total.plus(Duration.between(s, e));
        }
        return total;
    }

    /** The open time of the dates [from, to). */
    Duration between(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 0) return Duration.ZERO;
        long minutes = days / 7 * weekMinutes;
        DayOfWeek day = from.getDayOfWeek();
        for (int i = 0; i < days % 7; i++) minutes += nominalMinutes[day.plus(i).ordinal()];
        Duration total = Duration.ofMinutes(minutes);

        Set<LocalDate> irregular = new HashSet<>(schedule.closedDates().subSet(from, true, to, false));
        irregular.addAll(schedule.openDates().subMap(from, true, to, false).keySet());
        timeline.addShiftedDates(timeline.at(from.minusDays(2), 0), timeline.at(to.plusDays(2), 0), irregular);
        for (LocalDate d : irregular) {
            if (d.isBefore(from) || !d.isBefore(to)) continue;
            total = total.plus(onDate(d)).minusMinutes(nominalMinutes[d.getDayOfWeek().ordinal()]);
        }
        return total;
    }
}
