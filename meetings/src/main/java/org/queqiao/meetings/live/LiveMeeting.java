package org.queqiao.meetings.live;

import org.queqiao.meetings.Meeting;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The state of one running meeting on this node. Everything here is guarded by the object's own
 * monitor: every change to a meeting takes {@code synchronized (meeting)}, so the operations of one
 * meeting happen one at a time and different meetings never wait for each other.
 */
final class LiveMeeting {
    Meeting meeting;
    final Roster roster = new Roster();
    final WaitingRoom waiting = new WaitingRoom();
    /** People removed by a host: kept out until this live meeting is gone. */
    final Set<UUID> removed = new HashSet<>();
    boolean locked;
    UUID spotlight;
    UUID sharer;
    /** The attendance run in progress, null while nobody is in. */
    UUID runId;
    /** Dropped from the registry: whoever still holds this object must look the meeting up again. */
    boolean closed;

    LiveMeeting(Meeting meeting) {
        this.meeting = meeting;
    }

    UUID id() {
        return meeting.id();
    }

    boolean isIdle() {
        return roster.isEmpty() && waiting.isEmpty();
    }
}
