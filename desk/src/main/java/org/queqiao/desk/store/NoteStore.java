package org.queqiao.desk.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Agents' internal notes on a conversation: kept apart from its log, so a visitor can never read one. */
public interface NoteStore {
    void insert(Note n);

    List<Note> notes(UUID conversationId);

    record Note(UUID id, UUID conversationId, UUID orgId, UUID authorId, String text, Instant createdAt) {}
}
