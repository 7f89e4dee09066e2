package org.queqiao.meetings.live;

import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Which meeting a caller may address, and running an operation under that meeting's lock with the
 * caller's own participant. Another organisation's meeting, or (for a guest) any meeting but the one
 * its link was for, does not exist.
 */
final class MeetingAccess {
    private final Registry registry;
    private final MeetingStore meetings;

    MeetingAccess(Registry registry, MeetingStore meetings) {
        this.registry = registry;
        this.meetings = meetings;
    }

    /** The stored meeting, for joining. */
    Meeting stored(Principal caller, UUID meetingId) {
        if (!inScope(caller, meetingId)) throw notFound();
        return meetings.find(caller.orgId(), meetingId).orElseThrow(MeetingAccess::notFound);
    }

    /** Runs {@code op} with the caller's participant, under the meeting's lock. */
    <T> T act(Principal caller, UUID meetingId, BiFunction<LiveMeeting, LiveParticipant, T> op) {
        LiveMeeting m = running(caller, meetingId);
        synchronized (m) {
            if (m.closed) throw notInMeeting();
            return op.apply(m, self(m, caller));
        }
    }

    /** The running meeting the caller may address. */
    LiveMeeting running(Principal caller, UUID meetingId) {
        if (!inScope(caller, meetingId)) throw notFound();
        LiveMeeting m = registry.get(meetingId);
        if (m != null && m.meeting.orgId().equals(caller.orgId())) return m;
        meetings.find(caller.orgId(), meetingId).orElseThrow(MeetingAccess::notFound);
        throw notInMeeting();
    }

    /** The caller's participant: the same person on the same device. */
    static LiveParticipant self(LiveMeeting m, Principal caller) {
        LiveParticipant p = m.roster.byPerson(caller.memberId());
        if (p == null || !p.sessionId().equals(caller.sessionId())) throw notInMeeting();
        return p;
    }

    static boolean inScope(Principal caller, UUID meetingId) {
        return caller.meetingScope() == null || caller.meetingScope().equals(meetingId);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Meeting");
    }

    static ProblemException notInMeeting() {
        return ProblemException.forbidden("not_in_meeting", "Join the meeting first (from this device)");
    }
}
