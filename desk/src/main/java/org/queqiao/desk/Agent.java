package org.queqiao.desk;

import java.time.Instant;
import java.util.UUID;

/**
 * A member holding one of the organisation's licensed agent seats. {@code active} counts the
 * conversations offered to or assigned to them and not yet closed; routing never lets it pass
 * {@code maxConcurrent}.
 */
public record Agent(UUID orgId, UUID memberId, int maxConcurrent, AgentStatus status, int active, boolean supervisor,
                    Instant lastAssignedAt, Instant statusAt) {

    public boolean hasRoom() { return active < maxConcurrent; }
}
