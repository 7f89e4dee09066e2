package org.queqiao.identity;

import java.time.Duration;

/** Session lifetime and login throttling settings (from the {@code session.*} and {@code login.*} config). */
public record SessionPolicy(Duration idleTimeout, Duration maxLifetime, int maxFailures, Duration lockout,
                            int maxFailuresPerIpPerMinute, int minPasswordLength) {}
