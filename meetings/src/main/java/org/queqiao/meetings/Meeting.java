package org.queqiao.meetings;

import java.time.Instant;
import java.util.UUID;

/**
 * A meeting as stored. {@code hostId} is the member who owns it (who may change, cancel and end it,
 * and who gets the host role on joining); in a live meeting the host role can move to someone else
 * without changing the owner.
 */
public record Meeting(UUID id, UUID orgId, String number, String title, UUID hostId, MeetingKind kind, Instant startAt,
                      Integer durationMinutes, String passcode, MeetingSettings settings, MeetingStatus status, Instant createdAt) {

    public boolean hasPasscode() {
        return passcode != null;
    }

    /** Ended for good: instant and scheduled meetings the host ended. Personal rooms reopen. */
    public boolean isOver() {
        return status == MeetingStatus.ENDED && kind != MeetingKind.PERSONAL;
    }

    public Meeting withStatus(MeetingStatus s) {
        return new Meeting(id, orgId, number, title, hostId, kind, startAt, durationMinutes, passcode, settings, s, createdAt);
    }

    public Meeting withDetails(String newTitle, Instant newStart, Integer newDuration, String newPasscode, MeetingSettings newSettings) {
        return new Meeting(id, orgId, number, newTitle, hostId, kind, newStart, newDuration, newPasscode, newSettings, status, createdAt);
    }
}
