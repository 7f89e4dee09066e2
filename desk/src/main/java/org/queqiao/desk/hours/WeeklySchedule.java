package org.queqiao.desk.hours;

import org.queqiao.platform.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a skill group is open, in its own time zone: per day of week zero or more intervals, dates on
 * which it is closed (holidays) and dates that are open with their own intervals (调休: a working
 * Saturday, or shorter hours on New Year's Eve). A date's hours are, in order: closed, else its own
 * intervals, else its weekday's.
 *
 * <p>The canonical constructor validates and stores sorted, unmodifiable copies (a day's intervals by
 * start, dates in calendar order), so two equal schedules compare equal and the clock can look up the
 * next exceptional date without scanning. Errors name the field as the wire form spells it
 * ({@code week.mon}, {@code closed[2]}, {@code open.2027-02-06}), so the admin UI can point at it.
 */
public record WeeklySchedule(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> week,
                             Set<LocalDate> closed, Map<LocalDate, List<OpeningInterval>> open) {
    public static final String CODE = "invalid_business_hours";
    /** More would be a data-entry mistake, not a schedule; it also bounds the clock's work per day. */
    public static final int MAX_INTERVALS_PER_DAY = 8;
    /** Ten years of holidays and working weekends is plenty; it bounds every search of the clock. */
    public static final int MAX_DATES = 1000;
    /** 24×7 in UTC: every instant is open, so business time equals wall-clock time. */
    public static final WeeklySchedule ALWAYS_OPEN = alwaysOpen(ZoneOffset.UTC);

    public WeeklySchedule {
        if (zone == null) throw invalid("timeZone", "a time zone is required");
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        (week == null ? Map.<DayOfWeek, List<OpeningInterval>>of() : week).forEach((day, intervals) -> {
            if (day == null) throw invalid("week", "a day of week is missing");
            List<OpeningInterval> sorted = sortedDisjoint("week." + key(day), intervals);
            if (!sorted.isEmpty()) days.put(day, sorted);
        });
        week = Collections.unmodifiableMap(days);

        Set<LocalDate> holidays = closed == null ? Set.of() : closed;
        checkCount("closed", holidays.size(), MAX_DATES);
        closed = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));

        Map<LocalDate, List<OpeningInterval>> extra = open == null ? Map.of() : open;
        checkCount("open", extra.size(), MAX_DATES);
        NavigableMap<LocalDate, List<OpeningInterval>> dates = new TreeMap<>();
        for (Map.Entry<LocalDate, List<OpeningInterval>> e : extra.entrySet()) {
            String field = "open." + e.getKey();
            if (closed.contains(e.getKey())) throw invalid(field, e.getKey() + " is listed both as closed and as open");
            List<OpeningInterval> sorted = sortedDisjoint(field, e.getValue());
            // An open date without hours would be a closed date in disguise; say so instead.
            if (sorted.isEmpty()) throw invalid(field, "an open date needs at least one interval; list it under closed instead");
            dates.put(e.getKey(), sorted);
        }
        open = Collections.unmodifiableNavigableMap(dates);
    }

    /** Open every minute of every local day in {@code zone}. */
    public static WeeklySchedule alwaysOpen(ZoneId zone) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) week.put(d, List.of(OpeningInterval.WHOLE_DAY));
        return new WeeklySchedule(zone, week, Set.of(), Map.of());
    }

    /** The intervals of one local date, after holidays and extra open dates. */
    public List<OpeningInterval> intervalsOn(LocalDate date) {
        if (closed.contains(date)) return List.of();
        List<OpeningInterval> own = open.get(date);
        return own != null ? own : week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The holidays in calendar order (the constructor stored a sorted set). */
    NavigableSet<LocalDate> closedDates() { return (NavigableSet<LocalDate>) closed; }

    /** The extra open dates in calendar order. */
    NavigableMap<LocalDate, List<OpeningInterval>> openDates() { return (NavigableMap<LocalDate, List<OpeningInterval>>) open; }

    /** {@code mon} … {@code sun}, the wire form's keys. */
    static String key(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(field, CODE, message);
    }

    static void checkCount(String field, int size, int max) {
        if (size > max) throw invalid(field, "at most " + max + " entries are allowed, not " + size);
    }

    private static List<OpeningInterval> sortedDisjoint(String field, List<OpeningInterval> intervals) {
        if (intervals == null) return List.of();
        checkCount(field, intervals.size(), MAX_INTERVALS_PER_DAY);
        List<OpeningInterval> sorted = new ArrayList<>(intervals);
        if (sorted.contains(null)) throw invalid(field, "an interval is missing");
        Collections.sort(sorted);
        // Touching intervals (12:00–13:00, 13:00–14:00) are fine; sharing any minute is a mistake.
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startMinute() < sorted.get(i - 1).endMinute()) {
                throw invalid(field, sorted.get(i - 1) + " overlaps " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    @Override
    public String toString() {
        return "WeeklySchedule[" + zone + ", " + week + ", closed " + closed + ", open " + open + "]";
    }
}
