package org.queqiao.meetings.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Guest passes: who joined a meeting by link, under which name, with a token (only its SHA-256 is stored). */
public interface GuestStore {
    void insert(GuestPass pass, byte[] tokenHash);

    /** The pass for this token if it has not expired, was not revoked and its meeting is neither cancelled nor over. */
    Optional<GuestPass> findLive(byte[] tokenHash, Instant now);

    Optional<GuestPass> find(UUID guestId);

    void revoke(UUID guestId);

    void revokeForMeeting(UUID meetingId);

    record GuestPass(UUID id, UUID meetingId, UUID orgId, String displayName, Instant expiresAt) {}
}
