package org.queqiao.desk;

import java.util.UUID;

/** What the desk needs from the directory: whether someone is an active member, their name, and the plan's agent seats. */
public interface DeskDirectory {
    boolean isActiveMember(UUID orgId, UUID memberId);

    /** The member's display name (what visitors see of the agent who answers them). */
    java.util.Optional<String> name(UUID orgId, UUID memberId);

    Seats agentSeats(UUID orgId);

    record Seats(long limit, String planId) {}
}
