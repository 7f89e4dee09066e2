package org.queqiao.messaging;

/** Hears how big each group-commit batch was and how long it took (the server turns this into metrics). */
@FunctionalInterface
public interface BatchObserver {
    BatchObserver NONE = (size, nanos) -> { };

    void batchWritten(int size, long nanos);
}
