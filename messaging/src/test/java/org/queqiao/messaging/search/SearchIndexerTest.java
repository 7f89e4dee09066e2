package org.queqiao.messaging.search;

import org.junit.jupiter.api.Test;
import org.queqiao.messaging.Entry;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexerTest {

    /** A store with nothing to index that counts the indexer's passes. */
    private static SearchStore countingPasses(java.util.concurrent.atomic.AtomicInteger passes) {
        return new SearchStore() {
            @Override
            public List<Pending> claimUnindexed(int limit) {
                passes.incrementAndGet();
                return List.of();
            }

            @Override
            public void saveTokens(List<Pending> messages, List<String> tokens) {}

            @Override
            public List<Entry> search(UUID orgId, UUID memberId, String tsquery, UUID conversationId, Instant beforeAt, UUID beforeId, int limit) {
                return List.of();
            }
        };
    }

    @Test
    void anIdleIndexerWaitsForWritesInsteadOfPollingAndAWriteWakesItAtOnce() throws Exception {
        var passes = new java.util.concurrent.atomic.AtomicInteger();
        SearchIndexer indexer = new SearchIndexer(countingPasses(passes), new WordsAsTheyAre(), new DirectTransactor(), 10_000);
        try {
            indexer.start();
            Thread.sleep(1_000);
            assertThat(passes.get()).as("one pass at start, then quiet (it polled 5 times a second before)").isEqualTo(1);

            indexer.wake();
            long woken = System.nanoTime();
            while (passes.get() < 2 && System.nanoTime() - woken < TimeUnit.SECONDS.toNanos(5)) Thread.sleep(5);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - woken)).as("a write is indexed without waiting for the poll")
                    .isLessThan(SearchIndexer.IDLE_POLL_MILLIS - SearchIndexer.PAUSE_MILLIS);
            assertThat(passes.get()).isEqualTo(2);
        } finally {
            indexer.close();
        }
    }

    /** The server closes its background jobs, then the database: closing the indexer must wait for the batch it is writing. */
    @Test
    void closeReturnsOnlyOnceTheBatchInProgressIsStored() throws Exception {
        CountDownLatch claiming = new CountDownLatch(1);
        CountDownLatch statementDone = new CountDownLatch(1);
        AtomicBoolean saved = new AtomicBoolean();
        SearchStore store = new SearchStore() {
            @Override
            public List<Pending> claimUnindexed(int limit) {
                claiming.countDown();
                // a statement in progress: JDBC does not notice the interrupt
                while (statementDone.getCount() > 0) {
                    try {
                        statementDone.await();
                    } catch (InterruptedException keepGoing) {
                        // the interrupt swallowed, as code under the indexer may do
                    }
                }
                return List.of(new Pending(UUID.randomUUID(), 1, "hello"));
            }

            @Override
            public void saveTokens(List<Pending> messages, List<String> tokens) {
                saved.set(true);
            }

            @Override
            public List<Entry> search(UUID orgId, UUID memberId, String tsquery, UUID conversationId, Instant beforeAt, UUID beforeId, int limit) {
                return List.of();
            }
        };
        SearchIndexer indexer = new SearchIndexer(store, new WordsAsTheyAre(), new DirectTransactor(), 10_000);
        indexer.start();
        assertThat(claiming.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(indexer::close);
        Thread.sleep(200);
        assertThat(closing).as("close waits while the batch is being written").isNotDone();
        long released = System.nanoTime();
        statementDone.countDown();
        closing.get(5, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released)).as("no further batch after close").isLessThan(1_000);

        assertThat(saved).as("the batch was stored before close returned").isTrue();
    }

    /** Segmenting is not what is tested here. */
    private static final class WordsAsTheyAre implements TextAnalyzer {
        @Override
        public String documentTokens(String text) {
            return text;
        }

        @Override
        public java.util.Optional<String> queryExpression(String userQuery) {
            return java.util.Optional.of(userQuery);
        }
    }

    /** No database: the work runs as it is. */
    private static final class DirectTransactor implements Transactor {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }
}
