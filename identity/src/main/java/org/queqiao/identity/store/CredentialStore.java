package org.queqiao.identity.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public interface CredentialStore {
    /** The credential of the active account with this e-mail. */
    Optional<Credential> findActiveByEmail(String email);

    Optional<Credential> find(UUID memberId);

    void setPassword(UUID memberId, String hash, boolean mustChange);

    /** Counts a failed login; locks the account until {@code lockUntil} when it is not null. Returns the new count. */
    int recordFailure(UUID memberId, Instant lockUntil);

    void clearFailures(UUID memberId);
}
