package org.queqiao.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a conversation's log, as stored and as sent to clients. A message's current state
 * (edited text, recalled, reactions) is kept on the message itself, so history reads one row per
 * message; the edit, recall and reaction entries tell devices that were listening what changed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entry(UUID id, UUID conversationId, long seq, UUID senderId, String clientMsgId, EntryKind kind, MessageBody body,
                    Long targetSeq, Map<String, List<UUID>> reactions, Instant createdAt, Instant editedAt, Instant recalledAt) {

    @com.fasterxml.jackson.annotation.JsonIgnore // recalledAt says it on the wire
    public boolean isRecalled() { return recalledAt != null; }
}
