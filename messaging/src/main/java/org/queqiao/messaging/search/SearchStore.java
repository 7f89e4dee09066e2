package org.queqiao.messaging.search;

import org.queqiao.messaging.Entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The search side of the message store. */
public interface SearchStore {
    /**
     * A message waiting to be indexed: where it is and the text to index (text, file name, card title);
     * {@code text} is null when the message was recalled or deleted since it was queued (nothing to index).
     */
    record Pending(UUID conversationId, long seq, String text) {}

    /**
     * Within the caller's transaction: up to {@code limit} new or edited messages not yet indexed, roughly
     * oldest first, taken so that another node's indexer skips them (and, once committed, forgets them).
     */
    List<Pending> claimUnindexed(int limit);

    /** Within the same transaction: stores each message's tokens; a null entry stores nothing for its message. */
    void saveTokens(List<Pending> messages, List<String> tokens);

    /**
     * Messages matching {@code tsquery} in conversations the member is in now (and from when they
     * could see them), newest first; optionally in one conversation, optionally before a point.
     */
    List<Entry> search(UUID orgId, UUID memberId, String tsquery, UUID conversationId, Instant beforeAt, UUID beforeId, int limit);
}
