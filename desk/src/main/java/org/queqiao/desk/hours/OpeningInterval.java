package org.queqiao.desk.hours;

import org.queqiao.platform.problem.ProblemException;

import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One opening interval of a local day, [start, end) in minutes after local midnight.
 *
 * <p>Minutes rather than {@link LocalTime} because an interval may end at 24:00 (the next local
 * midnight), which {@code LocalTime} cannot say, and business hours never need seconds. An overnight
 * shift is written as two intervals, 22:00–24:00 on one day and 00:00–06:00 on the next; a wrapping
 * 22:00–06:00 is refused rather than split silently, so what is stored is exactly what the admin
 * typed and each day's list reads on its own.
 */
public record OpeningInterval(int startMinute, int endMinute) implements Comparable<OpeningInterval> {
    public static final int DAY_MINUTES = 24 * 60;
    /** The whole local day, 00:00–24:00 (23 or 25 real hours on a DST switch day). */
    public static final OpeningInterval WHOLE_DAY = new OpeningInterval(0, DAY_MINUTES);

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");

    public OpeningInterval {
        check("interval", startMinute, endMinute);
    }

    /** From local times; {@code end} null means 24:00. */
    public static OpeningInterval of(LocalTime start, LocalTime end) {
        return new OpeningInterval(minutes(start), end == null ? DAY_MINUTES : minutes(end));
    }

    /** Parses {@code "09:00"}, {@code "18:00"}; {@code "24:00"} is allowed as an end only. */
    public static OpeningInterval parse(String field, String start, String end) {
        int s = parseTime(field, start);
        int e = parseTime(field, end);
        check(field, s, e);
        return new OpeningInterval(s, e);
    }

    public int minutes() { return endMinute - startMinute; }

    /** {@code ["09:00", "18:00"]}, the wire form. */
    public List<String> toWire() { return List.of(format(startMinute), format(endMinute)); }

    @Override
    public int compareTo(OpeningInterval o) {
        return startMinute != o.startMinute ? Integer.compare(startMinute, o.startMinute) : Integer.compare(endMinute, o.endMinute);
    }

    @Override
    public String toString() { return format(startMinute) + "–" + format(endMinute); }

    private static void check(String field, int start, int end) {
        if (start < 0 || start >= DAY_MINUTES) {
            throw WeeklySchedule.invalid(field, "an interval must start between 00:00 and 23:59");
        }
        if (end <= start || end > DAY_MINUTES) {
            throw WeeklySchedule.invalid(field, "an interval must end after it starts and by 24:00;"
                    + " write an overnight shift as 22:00–24:00 and 00:00–06:00 on the next day");
        }
    }

    private static int parseTime(String field, String text) {
        if (text == null || !HH_MM.matcher(text).matches()) {
            throw WeeklySchedule.invalid(field, "times are written HH:mm (00:00 to 24:00), not " + text);
        }
        return Integer.parseInt(text, 0, 2, 10) * 60 + Integer.parseInt(text, 3, 5, 10);
    }

    private static int minutes(LocalTime t) {
        if (t.getSecond() != 0 || t.getNano() != 0) {
            throw ProblemException.invalid("interval", WeeklySchedule.CODE, "business hours are whole minutes");
        }
        return t.getHour() * 60 + t.getMinute();
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
