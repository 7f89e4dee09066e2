package org.queqiao.desk.hours;

/** Both SLA timers of one conversation: what the agent desk, the supervisor view and reports read. */
public record SlaStatus(SlaTimer firstResponse, SlaTimer resolution) {

    public boolean firstResponseBreached() { return firstResponse.breached(); }

    public boolean resolutionBreached() { return resolution.breached(); }
}
