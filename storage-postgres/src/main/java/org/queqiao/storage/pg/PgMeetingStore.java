package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingKind;
import org.queqiao.meetings.MeetingSettings;
import org.queqiao.meetings.MeetingStatus;
import org.queqiao.meetings.store.MeetingStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Meetings (V8 migration). Cancelled meetings are never read back. */
public final class PgMeetingStore implements MeetingStore {
    private static final String COLUMNS = "id, org_id, number, title, host_id, kind, start_at, duration_minutes, passcode, allow_guests, "
            + "waiting_room, mute_on_entry, allow_self_unmute, status, created_at";
    private static final RowMapper<Meeting> MEETING = (rs, ctx) -> new Meeting(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            rs.getString("number"), rs.getString("title"), Rows.uuid(rs, "host_id"), MeetingKind.fromWire(rs.getString("kind")),
            Rows.instant(rs, "start_at"), (Integer) rs.getObject("duration_minutes"), rs.getString("passcode"),
            new MeetingSettings(rs.getBoolean("allow_guests"), rs.getBoolean("waiting_room"), rs.getBoolean("mute_on_entry"),
                    rs.getBoolean("allow_self_unmute")),
            MeetingStatus.fromWire(rs.getString("status")), Rows.instant(rs, "created_at"));

    private final Db db;

    public PgMeetingStore(Db db) {
        this.db = db;
    }

    @Override
    public boolean insert(Meeting m) {
        return db.with(h -> h.createUpdate("insert into meetings (" + COLUMNS + ") values (:id, :org, :number, :title, :host, :kind, :start, "
                        + ":minutes, :passcode, :guests, :waiting, :mute, :unmute, :status, :at) on conflict do nothing")
                .bind("id", m.id()).bind("org", m.orgId()).bind("number", m.number()).bind("title", m.title()).bind("host", m.hostId())
                .bind("kind", m.kind().wire()).bind("start", m.startAt()).bind("minutes", m.durationMinutes()).bind("passcode", m.passcode())
                .bind("guests", m.settings().allowGuests()).bind("waiting", m.settings().waitingRoom()).bind("mute", m.settings().muteOnEntry())
                .bind("unmute", m.settings().allowSelfUnmute()).bind("status", m.status().wire()).bind("at", m.createdAt())
                .execute()) == 1;
    }

    @Override
    public Optional<Meeting> find(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from meetings where org_id = :org and id = :id and cancelled_at is null")
                .bind("org", orgId).bind("id", id).map(MEETING).findOne());
    }

    @Override
    public Optional<Meeting> findByNumber(String number) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from meetings where number = :n and cancelled_at is null")
                .bind("n", number).map(MEETING).findOne());
    }

    @Override
    public Optional<Meeting> findPersonalRoom(UUID orgId, UUID hostId) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from meetings where org_id = :org and host_id = :host and kind = 'personal' "
                        + "and cancelled_at is null").bind("org", orgId).bind("host", hostId).map(MEETING).findOne());
    }

    @Override
    public List<Meeting> listOwnedBy(UUID orgId, UUID hostId, Instant afterSort, UUID afterId, int limit) {
        return db.with(h -> h.createQuery("select " + COLUMNS + " from meetings where org_id = :org and host_id = :host and cancelled_at is null "
                        + "and (status <> 'ended' or kind = 'personal') "
                        + (afterId == null ? "" : "and (sort_at, id) > (:afterSort, :afterId) ") + "order by sort_at, id limit :lim")
                .bind("org", orgId).bind("host", hostId).bind("afterSort", afterSort).bind("afterId", afterId).bind("lim", limit)
                .map(MEETING).list());
    }

    @Override
    public void update(Meeting m) {
        db.use(h -> h.createUpdate("update meetings set title = :title, start_at = :start, duration_minutes = :minutes, passcode = :passcode, "
                        + "allow_guests = :guests, waiting_room = :waiting, mute_on_entry = :mute, allow_self_unmute = :unmute "
                        + "where id = :id and org_id = :org")
                .bind("title", m.title()).bind("start", m.startAt()).bind("minutes", m.durationMinutes()).bind("passcode", m.passcode())
                .bind("guests", m.settings().allowGuests()).bind("waiting", m.settings().waitingRoom()).bind("mute", m.settings().muteOnEntry())
                .bind("unmute", m.settings().allowSelfUnmute()).bind("id", m.id()).bind("org", m.orgId()).execute());
    }

    @Override
    public void setStatus(UUID id, MeetingStatus status) {
        db.use(h -> h.createUpdate("update meetings set status = :s where id = :id").bind("s", status.wire()).bind("id", id).execute());
    }

    @Override
    public void cancel(UUID id, Instant at) {
        db.use(h -> h.createUpdate("update meetings set cancelled_at = :at where id = :id and cancelled_at is null").bind("at", at).bind("id", id).execute());
    }

    @Override
    public int handover(UUID orgId, UUID from, UUID to, Instant at) {
        return db.with(h -> {
            // the leaver's personal room is retired (its number is never reused); the heir keeps their own
            h.createUpdate("update meetings set cancelled_at = :at where org_id = :org and host_id = :from and kind = 'personal' and cancelled_at is null")
                    .bind("at", at).bind("org", orgId).bind("from", from).execute();
            return h.createUpdate("update meetings set host_id = :to where org_id = :org and host_id = :from and cancelled_at is null "
                            + "and status <> 'ended'")
                    .bind("to", to).bind("org", orgId).bind("from", from).execute();
        });
    }
}
