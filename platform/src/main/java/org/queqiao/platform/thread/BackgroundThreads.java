package org.queqiao.platform.thread;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Stopping a background worker before what it uses goes away. The server closes its jobs, then the
 * database: a worker that is only interrupted may still be inside a statement (JDBC calls do not
 * notice interrupts) when the database shuts down under it, and logs a failure at every shutdown.
 */
public final class BackgroundThreads {
    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);

    private BackgroundThreads() {}

    /**
     * Interrupts {@code thread} (null: nothing to do) and waits up to {@code max} for it to end.
     *
     * @return true if it ended in time
     */
    public static boolean interruptAndAwait(Thread thread, Duration max) {
        if (thread == null) return true;
        thread.interrupt();
        try {
            if (thread.join(max)) return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("{} did not stop within {}; going on without it", thread.getName(), max);
        return false;
    }
}
