package org.queqiao.meetings.store;

import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * When meetings ran and who was in them, kept for the host, admins and (later) metering of
 * participant-minutes. A run is one stretch of a meeting from the first person in to the last out.
 */
public interface AttendanceStore {
    void runStarted(UUID runId, UUID meetingId, UUID orgId, Instant at);

    /** Ends the run and closes its sessions still open, with {@code reason}. */
    void runEnded(UUID runId, Instant at, String reason);

    /** Runs left open by a node that stopped without ending them: closed now, before a new run starts. */
    void closeStaleRuns(UUID meetingId, Instant at);

    void joined(AttendanceRecord r);

    void left(UUID recordId, Instant at, String reason);

    /** Sessions of the meeting, oldest first. */
    Page<AttendanceRecord> sessions(UUID meetingId, PageRequest page);

    List<MeetingRun> runs(UUID meetingId);

    /** One person's stay in a run; {@code memberId} is null for guests, {@code guestId} for members. */
    record AttendanceRecord(UUID id, UUID runId, UUID meetingId, UUID orgId, UUID participantId, UUID memberId, UUID guestId,
                            String displayName, Instant joinedAt, Instant leftAt, String reason) {}

    record MeetingRun(UUID id, Instant startedAt, Instant endedAt) {}
}
