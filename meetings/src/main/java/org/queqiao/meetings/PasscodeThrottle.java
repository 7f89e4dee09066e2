package org.queqiao.meetings;

import org.queqiao.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits wrong passcodes per caller (a member, or a client address for guest links): after
 * {@code maxFailures} wrong ones within {@code window}, every try is refused with
 * {@code passcode_throttled} until the window has passed — right or wrong, so guessing gains nothing.
 * In memory per node; bounded by forgetting callers whose window passed.
 */
public final class PasscodeThrottle {
    private static final int PURGE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Failures> byCaller = new ConcurrentHashMap<>();

    private record Failures(int count, Instant since) {}

    public PasscodeThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * Checks a passcode given by {@code caller} against the meeting's (none: nothing to check):
     * passcode_throttled, passcode_required or wrong_passcode.
     */
    public void verify(String expected, String given, String caller, Instant now) {
        if (expected == null) return;
        check(caller, now);
        if (given == null || given.isEmpty()) throw new ProblemException(403, "passcode_required", "This meeting needs its passcode", "passcode", null);
        if (!Passcodes.matches(expected, given)) {
            failed(caller, now);
            throw new ProblemException(403, "wrong_passcode", "The passcode is wrong", "passcode", null);
        }
        succeeded(caller);
    }

    /** Refuses the attempt when the caller has failed too often lately. */
    public void check(String caller, Instant now) {
        Failures f = byCaller.get(caller);
        if (f == null || f.count() < maxFailures) return;
        Instant until = f.since().plus(window);
        if (!until.isAfter(now)) {
            byCaller.remove(caller, f);
            return;
        }
        long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        throw new ProblemException(429, "passcode_throttled", "Too many wrong passcodes; try again in " + seconds + " s", "passcode",
                Map.of("retryAfterSeconds", seconds));
    }

    public void failed(String caller, Instant now) {
        if (byCaller.size() > PURGE_ABOVE) byCaller.values().removeIf(f -> f.since().plus(window).isBefore(now));
        byCaller.merge(caller, new Failures(1, now), (old, one) ->
                old.since().plus(window).isBefore(now) ? one : new Failures(old.count() + 1, old.since()));
    }

    public void succeeded(String caller) {
        byCaller.remove(caller);
    }
}
