package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.meetings.store.AttendanceStore;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Meeting runs and attendance (V8 migration). */
public final class PgAttendanceStore implements AttendanceStore {
    private static final RowMapper<AttendanceRecord> RECORD = (rs, ctx) -> new AttendanceRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "run_id"),
            Rows.uuid(rs, "meeting_id"), Rows.uuid(rs, "org_id"), Rows.uuid(rs, "participant_id"), Rows.uuid(rs, "member_id"),
            Rows.uuid(rs, "guest_id"), rs.getString("display_name"), Rows.instant(rs, "joined_at"), Rows.instant(rs, "left_at"),
            rs.getString("reason"));

    private final Db db;

    public PgAttendanceStore(Db db) {
        this.db = db;
    }

    @Override
    public void runStarted(UUID runId, UUID meetingId, UUID orgId, Instant at) {
        db.use(h -> h.createUpdate("insert into meeting_runs (id, meeting_id, org_id, started_at) values (:id, :m, :org, :at)")
                .bind("id", runId).bind("m", meetingId).bind("org", orgId).bind("at", at).execute());
    }

    @Override
    public void runEnded(UUID runId, Instant at, String reason) {
        db.use(h -> {
            h.createUpdate("update meeting_attendance set left_at = :at, reason = :r where run_id = :run and left_at is null")
                    .bind("at", at).bind("r", reason).bind("run", runId).execute();
            h.createUpdate("update meeting_runs set ended_at = :at, end_reason = :r where id = :run and ended_at is null")
                    .bind("at", at).bind("r", reason).bind("run", runId).execute();
        });
    }

    @Override
    public void closeStaleRuns(UUID meetingId, Instant at) {
        db.use(h -> {
            h.createUpdate("update meeting_attendance set left_at = :at, reason = 'node_stopped' where meeting_id = :m and left_at is null")
                    .bind("at", at).bind("m", meetingId).execute();
            h.createUpdate("update meeting_runs set ended_at = :at, end_reason = 'node_stopped' where meeting_id = :m and ended_at is null")
                    .bind("at", at).bind("m", meetingId).execute();
        });
    }

    @Override
    public void joined(AttendanceRecord r) {
        db.use(h -> h.createUpdate("insert into meeting_attendance (id, run_id, meeting_id, org_id, participant_id, member_id, guest_id, "
                        + "display_name, joined_at) values (:id, :run, :m, :org, :p, :member, :guest, :name, :at)")
                .bind("id", r.id()).bind("run", r.runId()).bind("m", r.meetingId()).bind("org", r.orgId()).bind("p", r.participantId())
                .bind("member", r.memberId()).bind("guest", r.guestId()).bind("name", r.displayName()).bind("at", r.joinedAt()).execute());
    }

    @Override
    public void left(UUID recordId, Instant at, String reason) {
        // the first leave stands; no "and left_at is null" guard: it implies meeting_attendance_open's predicate, and with
        // statistics taken while no meeting ran the planner reads that whole index instead of the primary key (ADR 0010 §12)
        db.use(h -> h.createUpdate("update meeting_attendance set left_at = coalesce(left_at, :at), "
                        + "reason = case when left_at is null then :r else reason end where id = :id")
                .bind("at", at).bind("r", reason).bind("id", recordId).execute());
    }

    @Override
    public Page<AttendanceRecord> sessions(UUID meetingId, PageRequest page) {
        List<AttendanceRecord> rows = db.with(h -> h.createQuery("select * from meeting_attendance where meeting_id = :m "
                        + (page.isFirst() ? "" : "and (joined_at, id) > (cast(:at as timestamptz), cast(:after as uuid)) ")
                        + "order by joined_at, id limit :lim")
                .bind("m", meetingId).bind("at", page.afterSort()).bind("after", page.afterId()).bind("lim", page.limit() + 1)
                .map(RECORD).list());
        return Page.of(rows, page.limit(), r -> PageRequest.cursor(r.joinedAt().toString(), r.id().toString()));
    }

    @Override
    public List<MeetingRun> runs(UUID meetingId) {
        return db.with(h -> h.createQuery("select id, started_at, ended_at from meeting_runs where meeting_id = :m order by started_at, id")
                .bind("m", meetingId).map((rs, ctx) -> new MeetingRun(Rows.uuid(rs, "id"), Rows.instant(rs, "started_at"),
                        Rows.instant(rs, "ended_at"))).list());
    }
}
