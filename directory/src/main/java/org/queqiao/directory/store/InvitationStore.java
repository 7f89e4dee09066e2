package org.queqiao.directory.store;

import org.queqiao.directory.Invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface InvitationStore {
    void insert(Invitation invitation);

    List<Invitation> list(UUID orgId);

    long countUsable(UUID orgId, Instant now);

    Optional<Invitation> findByCode(String code);

    /** Revokes; false when the organisation has no such invitation. */
    boolean revoke(UUID orgId, UUID id, Instant at);

    /** Counts one use if the invitation is still usable at {@code now}; false otherwise. Atomic. */
    boolean consumeUse(UUID id, Instant now);

    /** Hands the invitations a member created over to another (offboarding). */
    int reassignCreator(UUID orgId, UUID from, UUID to);
}
