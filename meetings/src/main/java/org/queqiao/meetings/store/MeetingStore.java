package org.queqiao.meetings.store;

import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Meetings, scoped by organisation except where a lookup by number is public. Cancelled meetings are never found. */
public interface MeetingStore {
    /** @return false when the number, or the host's personal room, exists already (the unique indexes decide) */
    boolean insert(Meeting m);

    Optional<Meeting> find(UUID orgId, UUID id);

    Optional<Meeting> findByNumber(String number);

    Optional<Meeting> findPersonalRoom(UUID orgId, UUID hostId);

    /** Meetings the member owns that are not over, by start (or creation) then id, after the given position. */
    List<Meeting> listOwnedBy(UUID orgId, UUID hostId, Instant afterSort, UUID afterId, int limit);

    /** Stores the title, start, duration, passcode and settings. */
    void update(Meeting m);

    void setStatus(UUID id, MeetingStatus status);

    void cancel(UUID id, Instant at);

    /** Offboarding: meetings {@code from} owns and that are not over pass to {@code to}; their personal room is retired. @return how many moved */
    int handover(UUID orgId, UUID from, UUID to, Instant at);
}
