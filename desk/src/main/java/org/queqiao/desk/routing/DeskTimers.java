package org.queqiao.desk.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines (an offer's, a visitor's maximum wait), each a one-shot timer on one thread that hands the
 * work to a virtual thread. A deadline whose conversation moved on in the meantime finds its guarded
 * update refused and does nothing; timers lost with a node are re-armed from the database by the next
 * one to start (see {@code Desk.start}).
 */
public final class DeskTimers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskTimers.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "desk-timers");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    public DeskTimers(Clock clock) {
        this.clock = clock;
    }

    public void at(Instant when, Runnable work) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        if (timer.isShutdown()) return;
        timer.schedule(() -> Thread.ofVirtual().start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("a desk deadline failed", e);
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
