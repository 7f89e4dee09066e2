package org.queqiao.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members and login sessions whose connections were just ended (deactivated, revoked). Without
 * this, a token check already running when the bus event arrives could admit a connection right
 * after the sweep, and it would stay open. Kept only as long as a token check may take (the auth
 * timeout): connections authenticated later are judged by the authenticator alone.
 */
final class RecentEndings {
    private record Ending(long atNanos, ErrorCode code) {}

    private final long retentionNanos;
    private final Map<UUID, Ending> byId = new ConcurrentHashMap<>();

    RecentEndings(Duration authTimeout) {
        this.retentionNanos = authTimeout.plusSeconds(1).toNanos();
    }

    /** Call before sweeping the sessions, so a concurrent admission either is swept or sees this. */
    void record(UUID memberOrSessionId, ErrorCode code) {
        long now = System.nanoTime();
        byId.values().removeIf(e -> now - e.atNanos() > retentionNanos); // endings are rare: the map stays tiny
        byId.put(memberOrSessionId, new Ending(now, code));
    }

    /** The code that ended this member or login session after {@code authStartedNanos}, or null. */
    ErrorCode endedSince(UUID memberId, UUID sessionId, long authStartedNanos) {
        for (UUID id : new UUID[] {memberId, sessionId}) {
            Ending e = byId.get(id);
            if (e != null && e.atNanos() - authStartedNanos >= 0) return e.code();
        }
        return null;
    }
}
