package org.queqiao.desk.hours;

import org.queqiao.platform.problem.ProblemException;

import java.time.Duration;

/**
 * A group's service-level targets, both in business time counted from the handoff (the moment the
 * conversation reached the human queue, not the bot's first answer: ADR 0010, decision 8).
 * A null target means none: the clock still measures the time, but nothing is ever breached.
 */
public record SlaPolicy(Duration firstResponse, Duration resolution) {
    public static final String CODE = "invalid_sla_policy";
    /** A year of business time; beyond it a target is a typo, and the clock's horizon stays meaningful. */
    public static final Duration MAX_TARGET = Duration.ofDays(365);
    public static final SlaPolicy NONE = new SlaPolicy(null, null);

    public SlaPolicy {
        check("firstResponse", firstResponse);
        check("resolution", resolution);
    }

    /** From whole minutes, as forms and JSON carry them; null means no target. */
    public static SlaPolicy ofMinutes(Long firstResponseMinutes, Long resolutionMinutes) {
        return new SlaPolicy(minutes("firstResponseMinutes", firstResponseMinutes), minutes("resolutionMinutes", resolutionMinutes));
    }

    private static Duration minutes(String field, Long minutes) {
        if (minutes == null) return null;
        // Range-checked before Duration.ofMinutes, which would overflow on absurd input.
        if (minutes <= 0 || minutes > MAX_TARGET.toMinutes()) {
            throw ProblemException.invalid(field, CODE, field + " must be 1 to " + MAX_TARGET.toMinutes() + " minutes");
        }
        return Duration.ofMinutes(minutes);
    }

    private static void check(String field, Duration target) {
        if (target != null && (target.isNegative() || target.isZero() || target.compareTo(MAX_TARGET) > 0)) {
            throw ProblemException.invalid(field, CODE, field + " must be more than zero and at most " + MAX_TARGET.toDays() + " days");
        }
    }
}
