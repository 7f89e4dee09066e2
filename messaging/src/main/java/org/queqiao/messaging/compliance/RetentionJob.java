package org.queqiao.messaging.compliance;

import org.queqiao.platform.thread.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes chat history older than each organisation's retention period, in small batches so it
 * never holds long locks, every {@code interval}. Idempotent: in a cluster every node may run it.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final int BATCH = 5_000;

    private final ChatPolicyStore store;
    private final Clock clock;
    private final Duration interval;
    private volatile Thread thread;
    private volatile boolean closing; // besides the interrupt, which code below us may swallow

    public RetentionJob(ChatPolicyStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    public void start() {
        thread = Thread.ofVirtual().name("chat-retention").start(() -> {
            while (!closing && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(interval);
                    runOnce();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("chat retention failed; trying again in {}", interval, e);
                }
            }
        });
    }

    /** @return how many entries were deleted */
    public long runOnce() {
        long total = 0;
        for (ChatPolicy p : store.withRetention()) {
            Instant cutoff = clock.instant().minus(Duration.ofDays(p.retentionDays()));
            int n;
            do {
                n = store.deleteEntriesBefore(p.orgId(), cutoff, BATCH);
                total += n;
            } while (n == BATCH && !closing); // a shutdown stops between batches
        }
        if (total > 0) log.info("chat retention deleted {} entries", total);
        return total;
    }

    @Override
    public void close() {
        // waits for a batch in progress: the database closes after the background jobs
        closing = true;
        BackgroundThreads.interruptAndAwait(thread, Duration.ofSeconds(5));
    }
}
