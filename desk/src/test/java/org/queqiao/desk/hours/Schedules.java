package org.queqiao.desk.hours;

import org.queqiao.platform.json.Json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test helpers: schedules written in their wire form, instants written as local times. */
final class Schedules {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Schedules() {}

    static WeeklySchedule parse(String json) {
        return Json.read(json.replace('\'', '"'), ScheduleWire.class).toSchedule();
    }

    /** Mon–Fri 09:00–18:00 in {@code zone}, plus whatever JSON members {@code extra} adds. */
    static WeeklySchedule officeHours(ZoneId zone, String extra) {
        String day = "[['09:00','18:00']]";
        return parse("{'timeZone':'" + zone.getId() + "','week':{'mon':" + day + ",'tue':" + day + ",'wed':" + day
                + ",'thu':" + day + ",'fri':" + day + "}" + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    /** {@code "2027-01-08T17:50"} in {@code zone}; in a repeated hour, its first occurrence. */
    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
