package org.queqiao.desk.routing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An online agent as the router sees them while deciding: their load, their cap, when they last got a
 * conversation, and their skill groups. One instance per agent per drain, shared by every group they
 * are in, so an assignment from one group counts in the next.
 */
public final class Candidate {
    private final UUID agentId;
    private final int max;
    private final Set<UUID> groups;
    private int active;
    private Instant lastAssignedAt;

    public Candidate(UUID agentId, int active, int max, Instant lastAssignedAt, Set<UUID> groups) {
        this.agentId = agentId;
        this.active = active;
        this.max = max;
        this.lastAssignedAt = lastAssignedAt;
        this.groups = groups;
    }

    public UUID agentId() { return agentId; }

    public int active() { return active; }

    public int max() { return max; }

    public Instant lastAssignedAt() { return lastAssignedAt; }

    public boolean inGroup(UUID groupId) { return groups.contains(groupId); }

    public boolean hasRoom() { return active < max; }

    /** Counts a new conversation against them, for the rest of this drain. */
    void took(Instant at) {
        active++;
        lastAssignedAt = at;
    }

    /** The store refused the slot (their cap or status changed meanwhile): nothing more for them in this drain. */
    void full() {
        active = max;
    }

    /** What the assignment record keeps about each candidate. */
    java.util.Map<String, Object> snapshot() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("agentId", agentId);
        m.put("active", active);
        m.put("max", max);
        if (lastAssignedAt != null) m.put("lastAssignedAt", lastAssignedAt.toString());
        return m;
    }
}
