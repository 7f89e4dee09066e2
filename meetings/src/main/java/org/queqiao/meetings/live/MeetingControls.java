package org.queqiao.meetings.live;

import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.util.UUID;

/**
 * What hosts do to the meeting itself: lock it, spotlight someone, give and take co-host, hand the
 * host role over, end it for everyone. Co-hosts may lock and spotlight; the rest is the host's.
 */
public final class MeetingControls {
    private final MeetingAccess access;
    private final Departures departures;
    private final MeetingPushes pushes;

    MeetingControls(MeetingAccess access, Departures departures, MeetingPushes pushes) {
        this.access = access;
        this.departures = departures;
        this.pushes = pushes;
    }

    public void lock(Principal caller, UUID meetingId, boolean locked) {
        access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHosts(actor);
            m.locked = locked;
            pushes.settings(m);
            return null;
        });
    }

    /** Spotlights one participant for everyone, or nobody ({@code participantId} null). */
    public void spotlight(Principal caller, UUID meetingId, UUID participantId) {
        access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHosts(actor);
            LiveParticipant before = m.spotlight == null ? null : m.roster.get(m.spotlight);
            LiveParticipant after = participantId == null ? null : m.roster.require(participantId);
            m.spotlight = after == null ? null : after.id();
            pushes.settings(m);
            if (before != null) pushes.participant(m, before);
            if (after != null && after != before) pushes.participant(m, after);
            return null;
        });
    }

    /** Makes a member co-host, or an attendee again. The host's own role changes only by handing it over. */
    public void role(Principal caller, UUID meetingId, UUID participantId, ParticipantRole role) {
        if (role == null) throw ProblemException.invalid("role", "required", "role is required: cohost or attendee");
        if (role == ParticipantRole.HOST) throw ProblemException.invalid("role", "invalid_value", "role must be cohost or attendee; use meeting.transfer-host");
        access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHost(actor);
            LiveParticipant target = ParticipantControls.target(m, participantId);
            if (target.isHost()) throw ProblemException.forbidden("target_is_host", "Hand the host role over with meeting.transfer-host");
            if (role == ParticipantRole.COHOST) ControlRules.requireMember(target);
            LiveParticipant changed = target.withRole(role);
            m.roster.put(changed);
            pushes.participant(m, changed);
            if (role == ParticipantRole.COHOST && !m.waiting.isEmpty()) pushes.waiting(m);
            return null;
        });
    }

    /** The host hands the role to another member and stays on as co-host. */
    public void transferHost(Principal caller, UUID meetingId, UUID participantId) {
        access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHost(actor);
            LiveParticipant target = ParticipantControls.target(m, participantId);
            if (target.id().equals(actor.id())) throw ProblemException.invalid("participantId", "already_host", "You are the host already");
            ControlRules.requireMember(target);
            LiveParticipant formerHost = actor.withRole(ParticipantRole.COHOST);
            LiveParticipant newHost = target.withRole(ParticipantRole.HOST);
            m.roster.put(formerHost);
            m.roster.put(newHost);
            pushes.participant(m, formerHost);
            pushes.participant(m, newHost);
            if (!m.waiting.isEmpty() && !target.hosts()) pushes.waiting(m);
            return null;
        });
    }

    /** Ends the meeting for everyone (the host only). */
    public void end(Principal caller, UUID meetingId) {
        access.act(caller, meetingId, (m, actor) -> {
            ControlRules.requireHost(actor);
            departures.endForAll(m);
            return null;
        });
    }
}
