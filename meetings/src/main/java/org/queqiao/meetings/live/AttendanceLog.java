package org.queqiao.meetings.live;

import org.queqiao.meetings.MeetingStatus;
import org.queqiao.meetings.store.AttendanceStore;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.tx.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes attendance as the roster changes: runs (first in to last out) and each person's stay.
 * Starting a run and joining are written before the roster changes (a failure refuses the join);
 * leaving is written after, and a failure is logged rather than keeping someone in a meeting.
 */
final class AttendanceLog {
    private static final Logger log = LoggerFactory.getLogger(AttendanceLog.class);

    private final AttendanceStore store;
    private final MeetingStore meetings;
    private final Transactor tx;
    private final Clock clock;

    AttendanceLog(AttendanceStore store, MeetingStore meetings, Transactor tx, Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.tx = tx;
        this.clock = clock;
    }

    /** The first person is coming in: a run starts and the meeting shows live. */
    void runStarted(LiveMeeting m) {
        UUID run = Ids.newId();
        Instant now = clock.instant();
        tx.run(() -> {
            store.closeStaleRuns(m.id(), now);
            store.runStarted(run, m.id(), m.meeting.orgId(), now);
            meetings.setStatus(m.id(), MeetingStatus.LIVE);
        });
        m.runId = run;
        m.meeting = m.meeting.withStatus(MeetingStatus.LIVE);
    }

    /** @return the new attendance record's id */
    UUID joined(LiveMeeting m, Arrival a, Instant at) {
        UUID id = Ids.newId();
        UUID guestId = a.memberId() == null ? a.personId() : null;
        store.joined(new AttendanceStore.AttendanceRecord(id, m.runId, m.id(), m.meeting.orgId(), a.id(), a.memberId(), guestId,
                a.displayName(), at, null, null));
        return id;
    }

    void left(LiveParticipant p, String reason) {
        try {
            store.left(p.attendanceId(), clock.instant(), reason);
        } catch (RuntimeException e) {
            log.error("could not record that participant {} left meeting {}", p.id(), p.meetingId(), e);
        }
    }

    /** The run is over (everyone left, or the host ended the meeting); the meeting moves to {@code next}. */
    void runEnded(LiveMeeting m, String reason, MeetingStatus next) {
        UUID run = m.runId;
        m.runId = null;
        m.meeting = m.meeting.withStatus(next);
        try {
            tx.run(() -> {
                if (run != null) store.runEnded(run, clock.instant(), reason);
                meetings.setStatus(m.id(), next);
            });
        } catch (RuntimeException e) {
            log.error("could not record the end of a run of meeting {}", m.id(), e);
        }
    }
}
