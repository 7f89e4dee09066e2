package org.queqiao.meetings.live;

import org.queqiao.meetings.MediaPlane;
import org.queqiao.meetings.MeetingKind;
import org.queqiao.meetings.MeetingStatus;
import org.queqiao.meetings.store.GuestStore;

/**
 * People leaving (by choice, removed, timed out, offboarded) and meetings ending. Every method runs
 * under the meeting's lock.
 */
final class Departures {
    private final Registry registry;
    private final AttendanceLog attendance;
    private final HostFailover failover;
    private final MeetingPushes pushes;
    private final MediaPlane media;
    private final GuestStore guests;

    Departures(Registry registry, AttendanceLog attendance, HostFailover failover, MeetingPushes pushes, MediaPlane media, GuestStore guests) {
        this.registry = registry;
        this.attendance = attendance;
        this.failover = failover;
        this.pushes = pushes;
        this.media = media;
        this.guests = guests;
    }

    /** {@code reason}: left, removed, timeout. The host's role passes on; the last one out ends the run. */
    void leave(LiveMeeting m, LiveParticipant p, String reason) {
        m.roster.remove(p.id());
        attendance.left(p, reason);
        media.participantLeft(m.id(), p.id());
        boolean settingsChanged = false;
        if (p.id().equals(m.sharer)) {
            m.sharer = null;
            settingsChanged = true;
        }
        if (p.id().equals(m.spotlight)) {
            m.spotlight = null;
            settingsChanged = true;
        }
        pushes.left(m, p.id(), reason);
        if (settingsChanged) pushes.settings(m);
        if (p.isHost()) failover.pass(m);
        if (m.roster.isEmpty()) closeRun(m);
    }

    /** Nobody is left: the run ends and the meeting can be joined again later; the live state goes unless people wait. */
    private void closeRun(LiveMeeting m) {
        attendance.runEnded(m, "left", MeetingStatus.SCHEDULED);
        m.locked = false;
        m.spotlight = null;
        m.sharer = null;
        if (m.waiting.isEmpty()) registry.drop(m);
    }

    /** The host ends the meeting for everyone, the waiting room included. Personal rooms can be opened again. */
    void endForAll(LiveMeeting m) {
        MeetingStatus next = m.meeting.kind() == MeetingKind.PERSONAL ? MeetingStatus.SCHEDULED : MeetingStatus.ENDED;
        pushes.ended(m);
        attendance.runEnded(m, "ended", next);
        media.meetingEnded(m.id());
        guests.revokeForMeeting(m.id());
        m.roster.clear();
        m.waiting.clear();
        registry.drop(m);
    }

    /** Someone in the waiting room went away (their device disconnected, or they were denied). */
    void leftWaitingRoom(LiveMeeting m, Arrival a) {
        m.waiting.remove(a);
        pushes.waiting(m);
        if (m.isIdle()) registry.drop(m);
    }
}
