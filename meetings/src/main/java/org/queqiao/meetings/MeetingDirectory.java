package org.queqiao.meetings;

import java.util.Optional;
import java.util.UUID;

/**
 * What meetings need to know from the organisation directory, wired by the server (so this module
 * depends on no other capability).
 */
public interface MeetingDirectory {
    /** The member's display name, if they are an active member of this organisation. */
    Optional<String> activeMemberName(UUID orgId, UUID memberId);

    /** How many people one meeting of this organisation may hold: its plan's {@code meetingCapacity}. */
    Capacity meetingCapacity(UUID orgId);

    String organizationName(UUID orgId);

    /** A plan quota: its limit and the plan granting it (named in {@code meeting_full}). */
    record Capacity(long limit, String planId) {}
}
