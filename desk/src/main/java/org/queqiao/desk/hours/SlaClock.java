package org.queqiao.desk.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns a conversation's recorded times (ADR 0010, decision 8: handoff, first agent reply, closing)
 * into its {@link SlaStatus}. Stateless apart from the policy and the group's clock, so it is computed
 * on demand for the agent desk and the same way, with {@code now} = report time, for reports.
 *
 * <p>First response stops at the first agent reply, or at closing if the visitor left unanswered (a
 * conversation closed before its due time is then not a breach; one closed after it is). Resolution
 * stops at closing. Breach compares instants, as agreed: a reply at 18:05 to a target due at 18:00 is
 * late even though the desk was already closed and no more business time passed.
 */
public final class SlaClock {
    private final SlaPolicy policy;
    private final BusinessClock clock;

    public SlaClock(SlaPolicy policy, BusinessClock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param handoffAt       when the conversation reached the human queue
     * @param firstResponseAt the first agent reply, or null
     * @param closedAt        when it was closed, or null
     * @param now             the time to evaluate running timers at
     */
    public SlaStatus status(Instant handoffAt, Instant firstResponseAt, Instant closedAt, Instant now) {
        Objects.requireNonNull(handoffAt, "handoffAt");
        Objects.requireNonNull(now, "now");
        Instant responseStop = firstResponseAt == null ? closedAt
                : closedAt == null || firstResponseAt.isBefore(closedAt) ? firstResponseAt : closedAt;
        return new SlaStatus(timer(policy.firstResponse(), handoffAt, responseStop, now),
                timer(policy.resolution(), handoffAt, closedAt, now));
    }

    private SlaTimer timer(Duration target, Instant start, Instant stoppedAt, Instant now) {
        Instant end = stoppedAt != null ? stoppedAt : now;
        Duration elapsed = clock.businessTimeBetween(start, end);
        Instant due = target == null ? null : clock.deadline(start, target).orElse(null);
        return new SlaTimer(target, due, elapsed, stoppedAt == null, due != null && end.isAfter(due));
    }
}
