package org.queqiao.messaging;

import java.time.Instant;
import java.util.UUID;

/** An entry to append; the store assigns the sequence number. */
public record NewEntry(UUID id, UUID orgId, UUID conversationId, UUID senderId, String clientMsgId, EntryKind kind, MessageBody body,
                       Long targetSeq, Instant at) {}
