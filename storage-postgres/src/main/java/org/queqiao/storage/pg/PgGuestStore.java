package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.meetings.store.GuestStore;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Meeting guest passes (V8 migration). */
public final class PgGuestStore implements GuestStore {
    private static final RowMapper<GuestPass> PASS = (rs, ctx) -> new GuestPass(Rows.uuid(rs, "id"), Rows.uuid(rs, "meeting_id"),
            Rows.uuid(rs, "org_id"), rs.getString("display_name"), Rows.instant(rs, "expires_at"));

    private final Db db;

    public PgGuestStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(GuestPass g, byte[] tokenHash) {
        db.use(h -> h.createUpdate("insert into meeting_guests (id, meeting_id, org_id, display_name, token_hash, created_at, expires_at) "
                        + "values (:id, :m, :org, :name, :hash, now(), :exp)")
                .bind("id", g.id()).bind("m", g.meetingId()).bind("org", g.orgId()).bind("name", g.displayName()).bind("hash", tokenHash)
                .bind("exp", g.expiresAt()).execute());
    }

    @Override
    public Optional<GuestPass> findLive(byte[] tokenHash, Instant now) {
        return db.with(h -> h.createQuery("select g.* from meeting_guests g join meetings m on m.id = g.meeting_id "
                        + "where g.token_hash = :hash and g.revoked_at is null and g.expires_at > :now and m.cancelled_at is null "
                        + "and m.allow_guests and (m.status <> 'ended' or m.kind = 'personal')")
                .bind("hash", tokenHash).bind("now", now).map(PASS).findOne());
    }

    @Override
    public Optional<GuestPass> find(UUID guestId) {
        return db.with(h -> h.createQuery("select * from meeting_guests where id = :id").bind("id", guestId).map(PASS).findOne());
    }

    @Override
    public void revoke(UUID guestId) {
        db.use(h -> h.createUpdate("update meeting_guests set revoked_at = now() where id = :id and revoked_at is null").bind("id", guestId).execute());
    }

    @Override
    public void revokeForMeeting(UUID meetingId) {
        db.use(h -> h.createUpdate("update meeting_guests set revoked_at = now() where meeting_id = :m and revoked_at is null")
                .bind("m", meetingId).execute());
    }
}
