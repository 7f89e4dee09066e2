package org.queqiao.storage.pg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.queqiao.directory.Member;
import org.queqiao.directory.MemberStatus;
import org.queqiao.directory.Organization;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant's leave reaches its attendance row through the primary key even when the statistics were taken
 * while no meeting ran (every row ended): a guard {@code left_at is null} implied the predicate of
 * {@code meeting_attendance_open}, which then looked as cheap as the primary key. And the first leave stands.
 */
class AttendanceLeavePlanTest {
    @ParameterizedTest
    @MethodSource("org.queqiao.storage.pg.PlanRecorder#databases")
    void aLeaveUsesThePrimaryKeyAndKeepsTheFirstTime(String which) {
        Database database = PlanRecorder.database(which);
        Db plain = database.db();
        UUID org = Ids.newId();
        new PgOrganizationStore(plain).insert(new Organization(org, "Attendance " + org, "free", Instant.now()));
        UUID host = Ids.newId();
        new PgMemberStore(plain).insertAll(List.of(new Member(host, org, "Host", "host." + host + "@example.com", null, null, null,
                Role.MEMBER, MemberStatus.ACTIVE, List.of(), Instant.now())));
        UUID meeting = Ids.newId();
        UUID run = Ids.newId();
        plain.use(h -> {
            h.execute("insert into meetings (id, org_id, number, title, host_id, kind, allow_guests, waiting_room, mute_on_entry, "
                    + "allow_self_unmute, status, created_at) values (?, ?, ?, 'Plans', ?, 'instant', false, false, false, true, 'live', now())",
                    meeting, org, String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000)), host);
            h.execute("insert into meeting_runs (id, meeting_id, org_id, started_at) values (?, ?, ?, now())", run, meeting, org);
            h.execute("insert into meeting_attendance (id, run_id, meeting_id, org_id, participant_id, member_id, display_name, joined_at, left_at, reason) "
                    + "select gen_random_uuid(), ?, ?, ?, gen_random_uuid(), ?, 'Host', now() - interval '1 hour', now(), 'left' from generate_series(1, 20000)",
                    run, meeting, org, host);
            h.execute("analyze meeting_attendance");
            // after the statistics: a meeting of 300 in progress
            h.execute("insert into meeting_attendance (id, run_id, meeting_id, org_id, participant_id, member_id, display_name, joined_at) "
                    + "select gen_random_uuid(), ?, ?, ?, gen_random_uuid(), ?, 'Host', now() from generate_series(1, 300)", run, meeting, org, host);
        });
        UUID record = plain.with(h -> h.createQuery("select id from meeting_attendance where meeting_id = :m and left_at is null limit 1")
                .bind("m", meeting).mapTo(UUID.class).one());

        PlanRecorder recorder = new PlanRecorder(database, "update meeting_attendance");
        PgAttendanceStore attendance = new PgAttendanceStore(recorder.db);
        Instant first = Instant.parse("2026-12-05T02:00:00Z");
        attendance.left(record, first, "left");
        attendance.left(record, first.plusSeconds(60), "removed");

        assertThat(recorder.plans).hasSize(2).allSatisfy((sql, plan) -> assertThat(plan).as(sql)
                .contains("meeting_attendance_pkey").doesNotContain("meeting_attendance_open"));
        var row = plain.with(h -> h.createQuery("select left_at, reason from meeting_attendance where id = :id").bind("id", record).mapToMap().one());
        assertThat(((java.sql.Timestamp) row.get("left_at")).toInstant()).isEqualTo(first);
        assertThat(row.get("reason")).isEqualTo("left");
        // leave no meeting running: the next run's statistics start from ended attendance again
        plain.use(h -> h.execute("update meeting_attendance set left_at = now() where run_id = ? and left_at is null", run));
    }
}
