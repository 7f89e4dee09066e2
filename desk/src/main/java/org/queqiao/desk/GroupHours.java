package org.queqiao.desk;

import org.queqiao.desk.hours.BusinessClock;
import org.queqiao.desk.hours.ScheduleWire;
import org.queqiao.desk.hours.SlaClock;
import org.queqiao.desk.hours.SlaPolicy;
import org.queqiao.desk.hours.SlaStatus;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A group's business hours as a {@link BusinessClock}, built once per distinct schedule (a group's
 * schedule changes rarely; routing asks on every handoff). Also the SLA clock of a group.
 */
public final class GroupHours implements OpenHours {
    private static final int MAX_CACHED = 10_000;
    private final Map<Map<String, Object>, BusinessClock> clocks = new ConcurrentHashMap<>();

    @Override
    public boolean isOpen(SkillGroup group, Instant at) {
        return group.businessHours() == null || clock(group.businessHours()).isOpen(at);
    }

    /** The group's SLA timers for a conversation (business time only). */
    public SlaStatus sla(SkillGroup group, Instant handoffAt, Instant firstResponseAt, Instant closedAt, Instant now) {
        BusinessClock c = group.businessHours() == null ? new BusinessClock(org.queqiao.desk.hours.WeeklySchedule.ALWAYS_OPEN) : clock(group.businessHours());
        return new SlaClock(new SlaPolicy(group.slaFirstResponse(), group.slaResolution()), c).status(handoffAt, firstResponseAt, closedAt, now);
    }

    /** Throws {@code invalid_business_hours} naming the field when the wire form is wrong. */
    public static void check(Map<String, Object> wire) {
        parse(wire);
    }

    private BusinessClock clock(Map<String, Object> wire) {
        if (clocks.size() > MAX_CACHED) clocks.clear();
        return clocks.computeIfAbsent(wire, w -> new BusinessClock(parse(w).toSchedule()));
    }

    private static ScheduleWire parse(Map<String, Object> wire) {
        ScheduleWire w;
        try {
            w = Json.MAPPER.convertValue(wire, ScheduleWire.class);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("businessHours", "invalid_business_hours",
                    "businessHours must look like {\"timeZone\":\"Asia/Shanghai\",\"week\":{\"mon\":[[\"09:00\",\"18:00\"]]}}");
        }
        w.toSchedule();
        return w;
    }
}
