package org.queqiao.storage.pg;

import org.queqiao.desk.store.NoteStore;

import java.util.List;
import java.util.UUID;

/** Agents' internal notes (V9 migration). */
public final class PgNoteStore implements NoteStore {
    private final Db db;

    public PgNoteStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Note n) {
        db.use(h -> h.createUpdate("insert into desk_notes (id, conversation_id, org_id, author_id, text, created_at) values (:id, :c, :org, :a, :t, :at)")
                .bind("id", n.id()).bind("c", n.conversationId()).bind("org", n.orgId()).bind("a", n.authorId()).bind("t", n.text())
                .bind("at", n.createdAt()).execute());
    }

    @Override
    public List<Note> notes(UUID conversationId) {
        return db.with(h -> h.createQuery("select * from desk_notes where conversation_id = :c order by created_at, id").bind("c", conversationId)
                .map((rs, ctx) -> new Note(Rows.uuid(rs, "id"), Rows.uuid(rs, "conversation_id"), Rows.uuid(rs, "org_id"), Rows.uuid(rs, "author_id"),
                        rs.getString("text"), Rows.instant(rs, "created_at"))).list());
    }
}
