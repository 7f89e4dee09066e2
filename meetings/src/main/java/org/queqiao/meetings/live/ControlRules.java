package org.queqiao.meetings.live;

import org.queqiao.platform.problem.ProblemException;

/**
 * Who may do what in a meeting. The host may do everything; co-hosts everything except ending the
 * meeting, changing roles and handing over the host role; attendees act only on themselves. Nobody
 * but the host acts on the host (mute, stop video, rename, remove).
 */
final class ControlRules {
    private ControlRules() {}

    static void requireHost(LiveParticipant actor) {
        if (!actor.isHost()) throw ProblemException.forbidden("host_required", "Only the host may do this");
    }

    static void requireHosts(LiveParticipant actor) {
        if (!actor.hosts()) throw ProblemException.forbidden("host_or_cohost_required", "Only the host or a co-host may do this");
    }

    /** A host or co-host acting on someone else. */
    static void requireMayActOn(LiveParticipant actor, LiveParticipant target) {
        requireHosts(actor);
        if (target.isHost() && !actor.id().equals(target.id())) {
            throw ProblemException.forbidden("target_is_host", "Nobody but the host may do this to the host");
        }
    }

    /** Guests may be in a meeting but never run it. */
    static void requireMember(LiveParticipant target) {
        if (target.guest()) throw ProblemException.forbidden("guests_cannot_host", "Guests cannot be host or co-host");
    }
}
