package org.queqiao.desk.routing;

/**
 * Told how long routing took: from the first event a pass served (a conversation queued, a slot freed,
 * an agent online) to that pass's commit, once per conversation it handed out. The server turns it into
 * the {@code queqiao_desk_routing_decision_seconds} histogram.
 */
@FunctionalInterface
public interface RoutingLatency {
    RoutingLatency NONE = (nanos, decisions) -> {};

    void decided(long nanos, int decisions);
}
