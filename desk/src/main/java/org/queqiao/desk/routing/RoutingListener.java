package org.queqiao.desk.routing;

import java.util.UUID;

/** Told after each committed drain that handed something out: offers and assignments to announce, queues whose positions moved. */
@FunctionalInterface
public interface RoutingListener {
    void routed(UUID orgId, Drain.Result result);
}
