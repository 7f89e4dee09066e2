package org.queqiao.meetings.live;

import org.queqiao.meetings.MediaPlane;
import org.queqiao.meetings.MeetingDirectory;
import org.queqiao.meetings.MeetingSettings;
import org.queqiao.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Letting someone into the roster: capacity, the role they get, their starting audio and video,
 * attendance, and telling everyone. Used by a direct join and by a host admitting from the waiting
 * room. Runs under the meeting's lock.
 */
final class Admission {
    private final MeetingDirectory directory;
    private final AttendanceLog attendance;
    private final HostFailover hostRole;
    private final MeetingPushes pushes;
    private final MediaPlane media;
    private final Clock clock;

    Admission(MeetingDirectory directory, AttendanceLog attendance, HostFailover hostRole, MeetingPushes pushes, MediaPlane media, Clock clock) {
        this.directory = directory;
        this.attendance = attendance;
        this.hostRole = hostRole;
        this.pushes = pushes;
        this.media = media;
        this.clock = clock;
    }

    /** Fails with meeting_full when {@code more} people would not fit the organisation's plan. */
    void requireRoom(LiveMeeting m, int more) {
        MeetingDirectory.Capacity cap = directory.meetingCapacity(m.meeting.orgId());
        if (m.roster.size() + more > cap.limit()) {
            throw new ProblemException(403, "meeting_full", "This meeting is full: the " + cap.planId() + " plan allows " + cap.limit()
                    + " people per meeting (quota 'meetingCapacity')", null,
                    Map.of("quota", "meetingCapacity", "limit", cap.limit(), "plan", cap.planId()));
        }
    }

    LiveParticipant admit(LiveMeeting m, Arrival a) {
        if (m.runId == null) attendance.runStarted(m);
        Instant now = clock.instant();
        java.util.UUID record = attendance.joined(m, a, now);
        MeetingSettings s = m.meeting.settings();
        boolean mutedOnEntry = s.muteOnEntry() && !a.owner();
        boolean mayUnmute = !mutedOnEntry || s.allowSelfUnmute();
        ParticipantRole role = hostRole.roleFor(m, a);
        LiveParticipant p = new LiveParticipant(a.id(), m.id(), a.personId(), a.memberId(), a.sessionId(), a.displayName(), role,
                a.audio() && !mutedOnEntry, a.video(), false, false, mayUnmute, false, false, 0, now, record);
        m.roster.put(p);
        media.forwarding(m.id(), p.id(), p.audio(), p.video());
        pushes.participant(m, p);
        if (p.hosts() && !m.waiting.isEmpty()) pushes.waiting(m);
        return p;
    }
}
