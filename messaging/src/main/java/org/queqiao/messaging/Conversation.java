package org.queqiao.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation and the head of its log: {@code lastSeq} is the number of the newest entry
 * (0 when empty). {@code dissolvedAt} is set when a group was dissolved: it stays readable, nothing
 * more can be posted.
 */
public record Conversation(UUID id, UUID orgId, ConversationKind kind, String title, String announcement, UUID departmentId,
                           String directKey, long lastSeq, int memberCount, Instant lastEntryAt, UUID createdBy, Instant createdAt,
                           Instant dissolvedAt) {

    public boolean isDissolved() { return dissolvedAt != null; }

    /** The key that makes a direct chat unique per pair of members, whichever of them opens it. */
    public static String directKey(UUID a, UUID b) {
        return a.compareTo(b) <= 0 ? a + ":" + b : b + ":" + a;
    }

    /** The other member of a direct chat. */
    public UUID peerOf(UUID me) {
        if (directKey == null) return null;
        UUID first = UUID.fromString(directKey.substring(0, 36));
        UUID second = UUID.fromString(directKey.substring(37));
        return first.equals(me) ? second : first;
    }
}
