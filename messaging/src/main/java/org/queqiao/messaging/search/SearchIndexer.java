package org.queqiao.messaging.search;

import org.queqiao.platform.thread.BackgroundThreads;
import org.queqiao.platform.tx.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Indexes messages for search in the background, in batches, so segmenting never slows a send.
 * New and edited messages become searchable within a fraction of a second when it keeps up: this
 * node's writes wake it ({@link #wake()}), at most every {@value #PAUSE_MILLIS} ms so that a busy
 * node indexes in batches; with nothing to do it looks again every {@value #IDLE_POLL_MILLIS} ms,
 * for what other nodes of a cluster left unindexed (a 5 Hz poll cost an idle server ~1 % of a core).
 * At most {@code maxPerSecond} messages a second (segmenting costs about 0.5 µs of CPU per
 * character): at a burst above that, search lags and catches up afterwards instead of taking CPU
 * from delivery. Claims rows with SKIP LOCKED: every node may run one.
 */
public final class SearchIndexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final int BATCH = 500;
    static final long PAUSE_MILLIS = 200;
    static final long IDLE_POLL_MILLIS = 2_000;

    private final SearchStore store;
    private final TextAnalyzer analyzer;
    private final Transactor tx;
    private final int maxPerSecond;
    private volatile Thread thread;
    private volatile boolean closing; // besides the interrupt, which code below us may swallow
    private final Semaphore work = new Semaphore(0); // a permit: something was written since the last pass

    public SearchIndexer(SearchStore store, TextAnalyzer analyzer, Transactor tx, int maxPerSecond) {
        this.store = store;
        this.analyzer = analyzer;
        this.tx = tx;
        this.maxPerSecond = maxPerSecond;
    }

    public void start() {
        thread = Thread.ofPlatform().daemon().name("chat-search-indexer").start(() -> {
            while (!closing && !Thread.currentThread().isInterrupted()) {
                try {
                    long t0 = System.nanoTime();
                    work.drainPermits();
                    int n = indexBatch();
                    if (n < BATCH) {
                        Thread.sleep(PAUSE_MILLIS);
                        work.tryAcquire(IDLE_POLL_MILLIS - PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                    }
                    // pace to maxPerSecond: a batch of n may take n / maxPerSecond seconds in all
                    long budgetNanos = n * 1_000_000_000L / maxPerSecond;
                    long rest = budgetNanos - (System.nanoTime() - t0);
                    if (rest > 0) Thread.sleep(java.time.Duration.ofNanos(rest));
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("search indexing failed; retrying", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        });
    }

    /** Something searchable was committed on this node: index it soon, not at the next poll. Cheap; any thread. */
    public void wake() {
        if (work.availablePermits() == 0) work.release();
    }

    /** Indexes one batch. @return how many messages it indexed */
    public int indexBatch() {
        return tx.inTransaction(() -> {
            List<SearchStore.Pending> batch = store.claimUnindexed(BATCH);
            if (batch.isEmpty()) return 0;
            List<String> tokens = new ArrayList<>(batch.size());
            for (SearchStore.Pending p : batch) tokens.add(p.text() == null ? null : analyzer.documentTokens(p.text()));
            store.saveTokens(batch, tokens);
            return batch.size();
        });
    }

    /** Indexes until nothing is waiting (tests, tools). */
    public void catchUp() {
        while (indexBatch() > 0) {
            // next batch
        }
    }

    @Override
    public void close() {
        // waits for a batch in progress: the database closes after the background jobs
        closing = true;
        work.release(); // ends an idle wait at once
        BackgroundThreads.interruptAndAwait(thread, Duration.ofSeconds(5));
    }
}
