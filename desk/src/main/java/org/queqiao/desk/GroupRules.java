package org.queqiao.desk;

import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** A skill group as an admin writes it, checked: name, routing mode, business hours, SLA thresholds, maximum wait. */
final class GroupRules {
    static final Duration MAX_SLA = Duration.ofDays(30);

    private final Duration defaultMaxWait;
    private final Consumer<Map<String, Object>> hoursCheck;

    /** @param hoursCheck throws a ProblemException naming the field when business hours are malformed */
    GroupRules(Duration defaultMaxWait, Consumer<Map<String, Object>> hoursCheck) {
        this.defaultMaxWait = defaultMaxWait;
        this.hoursCheck = hoursCheck;
    }

    SkillGroup group(UUID id, UUID orgId, DeskAdmin.GroupInput in, SkillGroup old, Instant createdAt) {
        String name = in.name() == null && old != null ? old.name() : Validate.text("name", in.name(), 1, 64);
        RoutingMode mode = in.routing() == null ? (old != null ? old.routing() : RoutingMode.LEAST_BUSY) : RoutingMode.fromWire(in.routing());
        if (mode == null) throw ProblemException.invalid("routing", "invalid_routing", "routing must be least_busy or round_robin");
        Map<String, Object> hours = in.businessHours() != null ? in.businessHours() : old != null ? old.businessHours() : null;
        if (in.businessHours() != null && !in.businessHours().isEmpty()) hoursCheck.accept(in.businessHours());
        if (hours != null && hours.isEmpty()) hours = null; // {} clears: always open
        return new SkillGroup(id, orgId, name, mode, hours,
                seconds("slaFirstResponseSeconds", in.slaFirstResponseSeconds(), old == null ? null : old.slaFirstResponse(), null),
                seconds("slaResolutionSeconds", in.slaResolutionSeconds(), old == null ? null : old.slaResolution(), null),
                seconds("maxWaitSeconds", in.maxWaitSeconds(), old == null ? null : old.maxWait(), defaultMaxWait), createdAt);
    }

    /** A threshold in seconds; 0 clears it (no target), null keeps it. */
    private static Duration seconds(String field, Long value, Duration old, Duration fallback) {
        if (value == null) return old != null ? old : fallback;
        if (value == 0 && fallback == null) return null;
        Validate.check(value > 0 && value <= MAX_SLA.toSeconds(), field, "invalid_duration", field + " must be 1 to " + MAX_SLA.toSeconds() + " seconds");
        return Duration.ofSeconds(value);
    }
}
