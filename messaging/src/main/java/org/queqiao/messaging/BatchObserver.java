package org.queqiao.messaging;

/** Hears how big each group-commit batch was, how long it took and whether a resend made it write again (the server turns this into metrics). */
@FunctionalInterface
public interface BatchObserver {
    BatchObserver NONE = (size, nanos) -> { };

    void batchWritten(int size, long nanos);

    /** A batch met a client message id already stored (a resend) and was rolled back to be written again, looking ids up. */
    default void batchRewrittenForResend() {}
}
