package org.queqiao.platform.tx;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. Stores called inside {@link #inTransaction} join it, so a
 * service can combine several stores atomically (a CSV import either stores every row or none).
 * Nested calls join the outer transaction.
 */
public interface Transactor {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the current transaction has committed (not at all if it rolls back),
     * on the same thread; at once when no transaction is open. For notifications that must never
     * announce what was not stored.
     */
    void afterCommit(Runnable action);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
