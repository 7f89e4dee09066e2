package org.queqiao.messaging.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Chat policies, and the deletions retention makes. */
public interface ChatPolicyStore {
    Optional<ChatPolicy> find(UUID orgId);

    void save(ChatPolicy policy);

    /** Organisations with a retention period. */
    List<ChatPolicy> withRetention();

    /** Deletes up to {@code limit} entries of the organisation created before {@code cutoff}. @return how many */
    int deleteEntriesBefore(UUID orgId, Instant cutoff, int limit);
}
