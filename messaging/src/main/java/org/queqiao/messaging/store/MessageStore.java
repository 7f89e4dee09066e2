package org.queqiao.messaging.store;

import org.queqiao.messaging.Entry;
import org.queqiao.messaging.MessageBody;
import org.queqiao.messaging.NewEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The conversation logs. */
public interface MessageStore {
    /**
     * A batch of appends in one statement, within the caller's transaction: numbers the entries (in
     * list order within each conversation, after the conversation's last number), stores them, and
     * moves each sender's read position to their newest one.
     *
     * @return the entries' numbers, in list order; empty when a client message id was stored
     *         meanwhile (by another node): the caller must roll back and retry
     */
    Optional<List<Long>> appendAll(List<NewEntry> entries);

    /** The stored entries among these (conversation, sender, client message id) keys. */
    List<Entry> findByClientMsgIds(List<ClientKey> keys);

    Optional<Entry> findByClientMsgId(UUID conversationId, UUID senderId, String clientMsgId);

    Optional<Entry> find(UUID conversationId, long seq);

    /** Entries with {@code after < seq < before}, newest first, at most {@code limit}. */
    List<Entry> newestBetween(UUID conversationId, long after, long before, int limit);

    /** Entries with seq > {@code after}, oldest first, at most {@code limit}. */
    List<Entry> oldestAfter(UUID conversationId, long after, int limit);

    /**
     * For catching up: for each of the member's conversations, the entries after the given cursor
     * (or after what they may see, when no cursor is given), oldest first, at most
     * {@code perConversation} per conversation, from at most {@code maxConversations} conversations (the
     * most recently active first). One round trip however many conversations.
     */
    Map<UUID, List<Entry>> entriesSince(UUID memberId, Map<UUID, Long> cursors, int perConversation, int maxConversations);

    void recordEdit(UUID conversationId, long seq, MessageBody body, Instant at);

    /** Marks the message recalled and forgets its content. */
    void recordRecall(UUID conversationId, long seq, Instant at);

    /** Identifies a message by who sent it where under which client message id. */
    record ClientKey(UUID conversationId, UUID senderId, String clientMsgId) {}

    /** Adds or removes one member's reaction on a message. @return whether anything changed */
    boolean recordReaction(UUID conversationId, long seq, String emoji, UUID memberId, boolean added);
}
