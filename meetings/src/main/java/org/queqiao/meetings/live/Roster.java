package org.queqiao.meetings.live;

import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is in a live meeting, in the order they came in (so "present longest" is the iteration
 * order; a person who switches device or reconnects keeps their place). Guarded by the meeting's lock.
 */
final class Roster {
    private final Map<UUID, LiveParticipant> byId = new LinkedHashMap<>();

    LiveParticipant get(UUID participantId) {
        return byId.get(participantId);
    }

    /** @throws ProblemException no_such_participant */
    LiveParticipant require(UUID participantId) {
        LiveParticipant p = byId.get(participantId);
        if (p == null) throw new ProblemException(404, "no_such_participant", "Nobody with this participant id is in the meeting", "participantId", null);
        return p;
    }

    LiveParticipant byPerson(UUID personId) {
        for (LiveParticipant p : byId.values()) if (p.personId().equals(personId)) return p;
        return null;
    }

    /** Adds, or replaces in place (the join order stays). */
    void put(LiveParticipant p) {
        byId.put(p.id(), p);
    }

    void remove(UUID participantId) {
        byId.remove(participantId);
    }

    void clear() {
        byId.clear();
    }

    int size() {
        return byId.size();
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /** A copy, in join order. */
    List<LiveParticipant> all() {
        return new ArrayList<>(byId.values());
    }

    LiveParticipant host() {
        for (LiveParticipant p : byId.values()) if (p.isHost()) return p;
        return null;
    }

    List<UUID> sessionIds() {
        return sessionsOf(byId.values());
    }

    List<UUID> hostSessionIds() {
        return sessionsOf(byId.values().stream().filter(LiveParticipant::hosts).toList());
    }

    private static List<UUID> sessionsOf(Collection<LiveParticipant> ps) {
        List<UUID> out = new ArrayList<>(ps.size());
        for (LiveParticipant p : ps) out.add(p.sessionId());
        return out;
    }
}
