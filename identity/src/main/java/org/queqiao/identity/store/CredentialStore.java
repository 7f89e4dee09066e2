package org.queqiao.identity.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** Active members of the organisation who have no password yet (imported ones), by name. */
    List<Activation> withoutPassword(UUID orgId);

    /** Stores one-time activation codes (their SHA-256) for these members, replacing older ones. */
    void setActivationCodes(Map<UUID, byte[]> codeHashByMember, Instant expiresAt);

    /** The activation code hash and expiry of the active account with this e-mail, if one is pending. */
    Optional<PendingActivation> pendingActivation(String email);

    /** Sets the first password and consumes the code, only if the code is still the one checked. Atomic. */
    boolean activate(UUID memberId, byte[] expectedCodeHash, String passwordHash);

    record Activation(UUID memberId, String name, String email) {}

    record PendingActivation(UUID memberId, UUID orgId, byte[] codeHash, Instant expiresAt) {}
}
