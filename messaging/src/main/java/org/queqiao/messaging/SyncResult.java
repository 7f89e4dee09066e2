package org.queqiao.messaging;

import java.util.List;
import java.util.UUID;

/**
 * What a device missed. For each conversation with news: its entries after the device's cursor,
 * oldest first; {@code more} means there are further entries (ask again with the new cursor).
 * {@code removed}: conversations the device named that the member is no longer in.
 * {@code more} on the whole result: further conversations have news (ask again).
 */
public record SyncResult(List<ConversationNews> conversations, List<UUID> removed, boolean more) {

    public record ConversationNews(UUID conversationId, ConversationKind kind, long lastSeq, long readSeq, List<Entry> entries, boolean more) {}
}
