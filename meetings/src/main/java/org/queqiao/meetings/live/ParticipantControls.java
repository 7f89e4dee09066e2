package org.queqiao.meetings.live;

import org.queqiao.meetings.MediaPlane;
import org.queqiao.meetings.store.GuestStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.util.Map;
import java.util.UUID;

/** What hosts do to other participants: mute (one or all), ask to unmute, stop video, remove, rename. */
public final class ParticipantControls {
    static final int MAX_NAME = 64;

    private final MeetingAccess access;
    private final Departures departures;
    private final MeetingPushes pushes;
    private final MediaPlane media;
    private final GuestStore guests;

    ParticipantControls(MeetingAccess access, Departures departures, MeetingPushes pushes, MediaPlane media, GuestStore guests) {
        this.access = access;
        this.departures = departures;
        this.pushes = pushes;
        this.media = media;
        this.guests = guests;
    }

    /**
     * Mutes one participant, or everyone but the hosts ({@code all}). Without {@code allowUnmute}
     * they cannot unmute themselves until a host asks them to. @return how many were muted
     */
    public int mute(Principal caller, UUID meetingId, UUID participantId, boolean all, boolean allowUnmute) {
        return access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHosts(actor);
            if (!all) {
                LiveParticipant target = target(m, participantId);
                ControlRules.requireMayActOn(actor, target);
                muteOne(m, target, allowUnmute);
                return 1;
            }
            int n = 0;
            for (LiveParticipant p : m.roster.all()) {
                if (p.hosts()) continue;
                muteOne(m, p, allowUnmute);
                n++;
            }
            return n;
        });
    }

    private void muteOne(LiveMeeting m, LiveParticipant p, boolean allowUnmute) {
        LiveParticipant muted = p.withAudio(false, allowUnmute);
        m.roster.put(muted);
        media.forwarding(m.id(), muted.id(), false, muted.video());
        pushes.toOne(muted.sessionId(), MeetingTopics.MUTED, Map.of("meetingId", m.id(), "allowUnmute", allowUnmute));
        pushes.participant(m, muted);
    }

    /** Asks a muted participant to unmute (which also allows them to). */
    public void askToUnmute(Principal caller, UUID meetingId, UUID participantId) {
        access.act(caller, meetingId, (m, actor) -> {
            LiveParticipant target = target(m, participantId);
            ControlRules.requireMayActOn(actor, target);
            m.roster.put(target.withAudio(target.audio(), true));
            pushes.toOne(target.sessionId(), MeetingTopics.UNMUTE_REQUESTED, Map.of("meetingId", m.id(), "by", actor.id()));
            return null;
        });
    }

    /** Stops forwarding the participant's video until they turn it on again. */
    public void stopVideo(Principal caller, UUID meetingId, UUID participantId) {
        access.act(caller, meetingId, (m, actor) -> {
            LiveParticipant target = target(m, participantId);
            ControlRules.requireMayActOn(actor, target);
            LiveParticipant stopped = target.withVideo(false);
            m.roster.put(stopped);
            media.forwarding(m.id(), stopped.id(), stopped.audio(), false);
            pushes.toOne(stopped.sessionId(), MeetingTopics.VIDEO_STOPPED, Map.of("meetingId", m.id()));
            pushes.participant(m, stopped);
            return null;
        });
    }

    /** Removes the participant and keeps them out of this meeting; a guest's pass is revoked too. */
    public void remove(Principal caller, UUID meetingId, UUID participantId) {
        access.act(caller, meetingId, (m, actor) -> {
            LiveParticipant target = target(m, participantId);
            if (target.id().equals(actor.id())) throw ProblemException.invalid("participantId", "cannot_remove_self", "Leave instead (meeting.leave)");
            ControlRules.requireMayActOn(actor, target);
            pushes.toOne(target.sessionId(), MeetingTopics.REMOVED, Map.of("meetingId", m.id(), "reason", "removed"));
            m.removed.add(target.personId());
            departures.leave(m, target, "removed");
            if (target.guest()) guests.revoke(target.personId());
            return null;
        });
    }

    /** Hosts rename anyone (but the host, unless they are the host); everyone may rename themselves. */
    public void rename(Principal caller, UUID meetingId, UUID participantId, String displayName) {
        String name = Validate.text("displayName", displayName, 1, MAX_NAME);
        access.act(caller, meetingId, (m, actor) -> {
            LiveParticipant target = participantId == null ? actor : target(m, participantId);
            if (!target.id().equals(actor.id())) ControlRules.requireMayActOn(actor, target);
            LiveParticipant renamed = target.withName(name);
            m.roster.put(renamed);
            pushes.participant(m, renamed);
            return null;
        });
    }

    static LiveParticipant target(LiveMeeting m, UUID participantId) {
        if (participantId == null) throw ProblemException.invalid("participantId", "required", "participantId is required");
        return m.roster.require(participantId);
    }
}
