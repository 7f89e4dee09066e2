package org.queqiao.meetings;

import org.queqiao.meetings.store.AttendanceStore;
import org.queqiao.meetings.store.AttendanceStore.AttendanceRecord;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who attended a meeting and for how long: for its host and the organisation's admins. */
public final class AttendanceReport {
    private final MeetingPlanner planner;
    private final AttendanceStore store;
    private final Clock clock;

    AttendanceReport(MeetingPlanner planner, AttendanceStore store, Clock clock) {
        this.planner = planner;
        this.store = store;
        this.clock = clock;
    }

    public record Report(List<AttendanceStore.MeetingRun> runs, Page<AttendanceRecord> sessions, Instant now) {}

    public Report of(Principal p, UUID meetingId, PageRequest page) {
        Meeting m = planner.get(p, meetingId);
        if (!m.hostId().equals(p.memberId()) && !p.isAdmin()) {
            throw ProblemException.forbidden("host_or_admin_required", "Only the meeting's host and the organisation's admins see attendance");
        }
        return new Report(store.runs(meetingId), store.sessions(meetingId, page), clock.instant());
    }

    /** Participant-minutes of one stay, every started minute counted (what metering will count); an open stay counts until now. */
    public static long minutes(AttendanceRecord r, Instant now) {
        Instant end = r.leftAt() != null ? r.leftAt() : now;
        long millis = Math.max(0, Duration.between(r.joinedAt(), end).toMillis());
        return (millis + 59_999) / 60_000;
    }
}
