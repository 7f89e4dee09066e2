package org.queqiao.desk.hours;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA target of one conversation, as of some "now".
 *
 * @param target  the business time allowed, or null when the policy sets none
 * @param due     when the target runs out, or null without a target (or when the schedule never
 *                gathers that much open time)
 * @param elapsed business time used so far: up to the stopping event, or up to now while running
 * @param running the stopping event (first agent reply, or closing) has not happened yet
 * @param breached the stopping event came after {@code due}, or it has not come and now is past it
 */
public record SlaTimer(Duration target, Instant due, Duration elapsed, boolean running, boolean breached) {

    /** Business time left before the target: negative once overdue, null without a target. What "due in 12 min" shows. */
    public Duration remaining() {
        return target == null ? null : target.minus(elapsed);
    }
}
