package org.queqiao.meetings.live;

import org.queqiao.meetings.MediaPlane;
import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingDirectory;
import org.queqiao.meetings.PasscodeThrottle;
import org.queqiao.meetings.store.GuestStore;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * meeting.join: coming back (same device: state restored; another device: it takes over), or
 * coming in (checks in this order: removed, locked, passcode, waiting room, capacity). The meeting's
 * owner skips the lock, the passcode and the waiting room. Guests proved the passcode when their pass
 * was issued.
 */
public final class JoinFlow {
    private final MeetingAccess access;
    private final Registry registry;
    private final MeetingStore meetings;
    private final GuestStore guests;
    private final MeetingDirectory directory;
    private final PasscodeThrottle throttle;
    private final Admission admission;
    private final MeetingPushes pushes;
    private final MediaPlane media;
    private final MeetingRenderer renderer;
    private final Clock clock;

    JoinFlow(MeetingAccess access, Registry registry, MeetingStore meetings, GuestStore guests, MeetingDirectory directory,
             PasscodeThrottle throttle, Admission admission, MeetingPushes pushes, MediaPlane media, MeetingRenderer renderer, Clock clock) {
        this.access = access;
        this.registry = registry;
        this.meetings = meetings;
        this.guests = guests;
        this.directory = directory;
        this.throttle = throttle;
        this.admission = admission;
        this.pushes = pushes;
        this.media = media;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** @return {@code {status: "joined", meeting, self, participants, ...}} or {@code {status: "waiting"}} */
    public Map<String, Object> join(Principal caller, UUID meetingId, String passcode, boolean audio, boolean video) {
        Meeting stored = access.stored(caller, meetingId);
        if (stored.isOver()) throw ended();
        String name = displayName(caller);
        while (true) {
            LiveMeeting m = registry.open(stored);
            synchronized (m) {
                if (m.closed) continue; // it was just dropped: take the fresh one
                return enter(m, caller, name, passcode, audio, video);
            }
        }
    }

    private Map<String, Object> enter(LiveMeeting m, Principal caller, String name, String passcode, boolean audio, boolean video) {
        UUID person = caller.memberId();
        LiveParticipant present = m.roster.byPerson(person);
        if (present != null) return LiveViews.joined(m, comeBack(m, present, caller), renderer);
        if (m.removed.contains(person)) throw ProblemException.forbidden("removed_from_meeting", "A host removed you from this meeting");
        Arrival waiting = m.waiting.byPerson(person);
        if (waiting != null) {
            m.waiting.put(waiting.onDevice(caller.sessionId()));
            return LiveViews.waitingAnswer(m);
        }
        if (m.runId == null) refresh(m); // nobody in: make sure it was not ended a moment ago
        boolean owner = !caller.isMeetingGuest() && person.equals(m.meeting.hostId());
        if (m.locked && !owner) throw ProblemException.forbidden("meeting_locked", "The host locked this meeting");
        if (!owner && !caller.isMeetingGuest()) throttle.verify(m.meeting.passcode(), passcode, "member:" + person, clock.instant());
        Arrival a = new Arrival(Ids.newId(), person, caller.isMeetingGuest() ? null : person, caller.sessionId(), name, audio, video, owner,
                clock.instant());
        if (m.meeting.settings().waitingRoom() && !owner) {
            m.waiting.put(a);
            pushes.waiting(m);
            return LiveViews.waitingAnswer(m);
        }
        admission.requireRoom(m, 1);
        return LiveViews.joined(m, admission.admit(m, a), renderer);
    }

    /** The same person again: role, hand and mute state are kept; another device replaces the old one. */
    private LiveParticipant comeBack(LiveMeeting m, LiveParticipant present, Principal caller) {
        LiveParticipant p;
        if (present.sessionId().equals(caller.sessionId())) {
            p = present.withConnection(false, false, present.epoch() + 1);
        } else {
            pushes.toOne(present.sessionId(), MeetingTopics.REMOVED, Map.of("meetingId", m.id(), "reason", "joined_elsewhere"));
            media.participantLeft(m.id(), present.id());
            p = present.onDevice(caller.sessionId());
            if (p.id().equals(m.sharer)) m.sharer = null;
            media.forwarding(m.id(), p.id(), false, false);
        }
        m.roster.put(p);
        pushes.participant(m, p);
        if (p.hosts() && !m.waiting.isEmpty()) pushes.waiting(m);
        return p;
    }

    private void refresh(LiveMeeting m) {
        Meeting now = meetings.find(m.meeting.orgId(), m.id()).orElse(null);
        if (now == null || now.isOver()) {
            if (m.isIdle()) registry.drop(m);
            throw now == null ? MeetingAccess.notFound() : ended();
        }
        m.meeting = now;
    }

    private String displayName(Principal caller) {
        if (caller.isMeetingGuest()) {
            return guests.find(caller.memberId()).map(GuestStore.GuestPass::displayName).orElseThrow(MeetingAccess::notFound);
        }
        return directory.activeMemberName(caller.orgId(), caller.memberId()).orElseThrow(MeetingAccess::notFound);
    }

    static ProblemException ended() {
        return ProblemException.conflict("meeting_ended", "This meeting has ended", null);
    }
}
