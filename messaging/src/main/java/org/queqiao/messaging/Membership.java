package org.queqiao.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * One member in one conversation: they see entries after {@code visibleAfter} and have read up to
 * {@code readSeq}. {@code mutedUntil} in the future means they may read but not post.
 */
public record Membership(UUID conversationId, UUID memberId, ChatRole role, long visibleAfter, long readSeq, Instant mutedUntil,
                         Instant joinedAt) {

    public boolean isMutedAt(Instant now) {
        return mutedUntil != null && mutedUntil.isAfter(now);
    }
}
