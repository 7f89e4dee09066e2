package org.queqiao.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents' display names for what visitors see ("王芳 joined"), remembered for a while: a routing slice of
 * a hundred assignments costs no directory reads, and a renamed agent shows their new name within
 * {@link #FORGET_AFTER}.
 */
final class AgentNames {
    static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    private final DeskDirectory directory;
    private final Clock clock;
    private final Map<UUID, String> names = new ConcurrentHashMap<>();
    private volatile Instant since;

    AgentNames(DeskDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.since = clock.instant();
    }

    String of(UUID orgId, UUID memberId) {
        if (since.plus(FORGET_AFTER).isBefore(clock.instant())) {
            names.clear();
            since = clock.instant();
        }
        return names.computeIfAbsent(memberId, id -> directory.name(orgId, id).orElse(""));
    }
}
