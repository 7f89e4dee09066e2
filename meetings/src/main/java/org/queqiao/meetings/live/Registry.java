package org.queqiao.meetings.live;

import org.queqiao.meetings.Meeting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The meetings running on this node (a meeting is served by the one node its media is on). */
final class Registry {
    private final Map<UUID, LiveMeeting> byId = new ConcurrentHashMap<>();

    LiveMeeting get(UUID meetingId) {
        return byId.get(meetingId);
    }

    /** The running meeting, or a new empty one for {@code m}. */
    LiveMeeting open(Meeting m) {
        return byId.compute(m.id(), (id, current) -> current == null || current.closed ? new LiveMeeting(m) : current);
    }

    /** Called under the meeting's lock. */
    void drop(LiveMeeting m) {
        m.closed = true;
        byId.remove(m.id(), m);
    }

    Collection<LiveMeeting> all() {
        return List.copyOf(byId.values());
    }
}
