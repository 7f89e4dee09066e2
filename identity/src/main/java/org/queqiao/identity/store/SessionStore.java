package org.queqiao.identity.store;

import org.queqiao.identity.Session;
import org.queqiao.platform.auth.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface SessionStore {
    void insert(Session session, byte[] tokenHash);

    /** A live session (not revoked, not expired, member active) for this token hash, with the member's current role. */
    Optional<LiveSession> findLive(byte[] tokenHash, Instant now);

    /** Records use: last seen now, expiry pushed to {@code expiresAt}. */
    void touch(UUID sessionId, Instant now, Instant expiresAt);

    List<Session> listLive(UUID memberId, Instant now);

    /** Revokes one session of this member; false when there is no such live session. */
    boolean revoke(UUID memberId, UUID sessionId, Instant at);

    /** Revokes every live session of the member (except {@code keep}, which may be null) and returns their ids. */
    List<UUID> revokeAll(UUID memberId, UUID keep, Instant at);

    record LiveSession(Session session, Role role) {}
}
