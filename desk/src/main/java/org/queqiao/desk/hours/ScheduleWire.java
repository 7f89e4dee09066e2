package org.queqiao.desk.hours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schedule as JSON sees it, deserialised by Jackson from its component names:
 * <pre>{"timeZone":"Asia/Shanghai",
 *  "week":{"mon":[["09:00","18:00"]], …, "sat":[], "sun":[]},
 *  "closed":["2027-01-01"],
 *  "open":{"2027-02-06":[["09:00","18:00"]]}}</pre>
 * Times are {@code HH:mm} with {@code 24:00} allowed as an end; dates are ISO. A missing day, list or
 * map means closed / none. Rendering lists all seven days so an editor need not know the default.
 */
public record ScheduleWire(String timeZone, Map<String, List<List<String>>> week,
                           List<String> closed, Map<String, List<List<String>>> open) {

    public static ScheduleWire of(WeeklySchedule s) {
        Map<String, List<List<String>>> week = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) week.put(WeeklySchedule.key(d), render(s.week().getOrDefault(d, List.of())));
        List<String> closed = s.closed().stream().map(LocalDate::toString).toList();
        Map<String, List<List<String>>> open = new LinkedHashMap<>();
        s.open().forEach((date, intervals) -> open.put(date.toString(), render(intervals)));
        return new ScheduleWire(s.zone().getId(), week, closed, open);
    }

    /** Validates while converting; every {@code invalid_business_hours} error names the field. */
    public WeeklySchedule toSchedule() {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        if (week != null) {
            week.forEach((key, intervals) -> days.put(day(key), parse("week." + key, intervals)));
        }
        Set<LocalDate> holidays = new HashSet<>();
        if (closed != null) {
            WeeklySchedule.checkCount("closed", closed.size(), WeeklySchedule.MAX_DATES);
            for (int i = 0; i < closed.size(); i++) holidays.add(date("closed[" + i + "]", closed.get(i)));
        }
        Map<LocalDate, List<OpeningInterval>> dates = new HashMap<>();
        if (open != null) {
            WeeklySchedule.checkCount("open", open.size(), WeeklySchedule.MAX_DATES);
            open.forEach((key, intervals) -> dates.put(date("open." + key, key), parse("open." + key, intervals)));
        }
        return new WeeklySchedule(zone(), days, holidays, dates);
    }

    private ZoneId zone() {
        if (timeZone == null || timeZone.isBlank()) throw WeeklySchedule.invalid("timeZone", "a time zone is required");
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw WeeklySchedule.invalid("timeZone", "unknown time zone " + timeZone + "; use an IANA name such as Asia/Shanghai");
        }
    }

    private static DayOfWeek day(String key) {
        for (DayOfWeek d : DayOfWeek.values()) if (WeeklySchedule.key(d).equals(key)) return d;
        throw WeeklySchedule.invalid("week." + key, "days are mon, tue, wed, thu, fri, sat and sun");
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw WeeklySchedule.invalid(field, "dates are written YYYY-MM-DD, not " + text);
        }
    }

    private static List<OpeningInterval> parse(String field, List<List<String>> intervals) {
        if (intervals == null) return List.of();
        // Checked before parsing so a huge list is refused without parsing it all.
        WeeklySchedule.checkCount(field, intervals.size(), WeeklySchedule.MAX_INTERVALS_PER_DAY);
        List<OpeningInterval> out = new ArrayList<>(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            String f = field + "[" + i + "]";
            List<String> pair = intervals.get(i);
            if (pair == null || pair.size() != 2) throw WeeklySchedule.invalid(f, "an interval is [\"HH:mm\", \"HH:mm\"]");
            out.add(OpeningInterval.parse(f, pair.get(0), pair.get(1)));
        }
        return out;
    }

    private static List<List<String>> render(List<OpeningInterval> intervals) {
        return intervals.stream().map(OpeningInterval::toWire).toList();
    }
}
