package org.queqiao.directory;

import org.queqiao.platform.problem.ProblemException;

/** Names of plan quotas, shared by every capability that enforces one. */
public final class Quotas {
    public static final String MEMBERS = "members";
    public static final String DEPARTMENTS = "departments";
    public static final String INVITATIONS = "invitations";
    public static final String MEETING_CAPACITY = "meetingCapacity";
    public static final String AGENT_SEATS = "agentSeats";

    private Quotas() {}

    /** Fails with a problem naming the quota and its limit when {@code wanted} would exceed it. */
    public static void require(Plan plan, String quota, long wanted) {
        long limit = plan.limit(quota);
        if (wanted > limit) throw ProblemException.quotaExceeded(quota, limit, plan.id());
    }
}
