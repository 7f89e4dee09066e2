package org.queqiao.platform.bus;

/**
 * Notifications between the parts of one node and between nodes of a cluster. The bus carries
 * notifications only: durable state is always in PostgreSQL first, and a lost notification must
 * never lose data (a client resumes from the database).
 *
 * <p>Contract (checked by {@code EventBusContract} for every implementation):
 * <ul>
 *   <li>every subscriber to a topic, on every node connected to the same bus, receives each event published after its subscription was made;</li>
 *   <li>events from one publisher on one topic arrive in publish order;</li>
 *   <li>a failing or slow subscriber does not stop delivery to the others;</li>
 *   <li>after {@link Subscription#close()} nothing more is delivered to that subscriber.</li>
 * </ul>
 */
public interface EventBus extends AutoCloseable {

    /** Topics are dot-separated lowercase words, e.g. {@code member.deactivated}. */
    void publish(String topic, String payload);

    Subscription subscribe(String topic, EventHandler handler);

    /** A stable id of this bus instance (one per node); carried on every event as its origin. */
    String nodeId();

    @Override
    void close();

    @FunctionalInterface
    interface EventHandler {
        void onEvent(BusEvent event);
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
