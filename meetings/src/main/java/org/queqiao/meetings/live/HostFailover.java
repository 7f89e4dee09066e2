package org.queqiao.meetings.live;

import java.util.List;

/**
 * Who holds the host role. The meeting's owner takes it on arrival (whoever held it stays a
 * co-host); while the owner is away the first member in holds it; when the host leaves or times
 * out it passes to the co-host present longest, else to the member present longest. Guests never
 * become host: a meeting with only guests left has no host until a member comes.
 */
final class HostFailover {
    private final MeetingPushes pushes;

    HostFailover(MeetingPushes pushes) {
        this.pushes = pushes;
    }

    /** The role of someone being admitted now; demotes a stand-in host when the owner arrives. */
    ParticipantRole roleFor(LiveMeeting m, Arrival a) {
        if (a.memberId() == null) return ParticipantRole.ATTENDEE;
        LiveParticipant current = m.roster.host();
        if (a.owner()) {
            if (current != null) {
                LiveParticipant demoted = current.withRole(ParticipantRole.COHOST);
                m.roster.put(demoted);
                pushes.participant(m, demoted);
            }
            return ParticipantRole.HOST;
        }
        return current == null ? ParticipantRole.HOST : ParticipantRole.ATTENDEE;
    }

    /** After the host left: hands the role on, if anyone can take it. */
    void pass(LiveMeeting m) {
        if (m.roster.host() != null) return;
        LiveParticipant next = successor(m.roster.all());
        if (next == null) return;
        LiveParticipant host = next.withRole(ParticipantRole.HOST);
        m.roster.put(host);
        pushes.participant(m, host);
        if (!m.waiting.isEmpty()) pushes.waiting(m);
    }

    /** Connected people first: handing the role to someone who is reconnecting helps nobody. */
    static LiveParticipant successor(List<LiveParticipant> inJoinOrder) {
        LiveParticipant best = null;
        int bestRank = Integer.MAX_VALUE;
        for (LiveParticipant p : inJoinOrder) {
            if (p.guest()) continue;
            int rank = (p.role() == ParticipantRole.COHOST ? 0 : 2) + (p.reconnecting() ? 1 : 0);
            if (rank < bestRank) {
                best = p;
                bestRank = rank;
            }
        }
        return best;
    }
}
