package org.queqiao.platform.idempotency;

import java.util.Optional;
import java.util.UUID;

/**
 * Remembers the response to a creating request by (caller, Idempotency-Key), so a client that
 * retries after a timeout gets the first result instead of a second resource.
 */
public interface IdempotencyStore {
    /** Claims the key for a request; empty when claimed now, otherwise what is already recorded. */
    Optional<Recorded> claim(UUID callerId, String key, String requestHash);

    /** Stores the final response of a claimed key. */
    void complete(UUID callerId, String key, int status, String body);

    /** Releases a claimed key whose request failed, so the client may retry with it. */
    void release(UUID callerId, String key);

    /** {@code status} is null while the first request is still running. */
    record Recorded(String requestHash, Integer status, String body) {}
}
