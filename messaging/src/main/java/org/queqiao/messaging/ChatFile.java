package org.queqiao.messaging;

import java.time.Instant;
import java.util.UUID;

/** A file posted in a conversation (its bytes are in the blob store under {@code sha256}). */
public record ChatFile(UUID conversationId, String sha256, String name, String contentType, long size, UUID uploadedBy, Instant createdAt) {}
