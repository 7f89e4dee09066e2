package org.queqiao.storage.pg;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract on the embedded PostgreSQL the single-node server uses by default. */
class EmbeddedPostgresStoreTest extends StoreContract {
    @Override
    Database database() {
        return TestDatabases.embedded();
    }

    /** An acknowledged message is durable: commits wait for the WAL to reach the disk (the embedded default does not). */
    @Test
    void commitsWaitForTheDisk() {
        String synchronousCommit = setting("synchronous_commit");
        String fsync = setting("fsync");
        assertThat(synchronousCommit).isEqualTo("on");
        assertThat(fsync).isEqualTo("on");
    }

    /**
     * What kept the database from stalling chat on a small shared machine (ADR 0007, BENCHMARKS): new WAL
     * files are not zero-filled, and autovacuum comes every 10 s with a sixth of the work, not every minute.
     */
    @Test
    void theDatabaseDoesItsHousekeepingInShortTurns() {
        String walInitZero = setting("wal_init_zero");
        String naptime = setting("autovacuum_naptime");
        assertThat(walInitZero).isEqualTo("off");
        assertThat(naptime).isEqualTo("10s");
    }

    private String setting(String name) {
        return db.with(h -> h.createQuery("select current_setting(:name)").bind("name", name).mapTo(String.class).one());
    }

    /** A request that waits the pool's whole connection timeout (an overloaded node) gets 503 busy with a retry hint, not a 500. */
    @Test
    void anExhaustedPoolAnswersBusy() throws Exception {
        int held = 8;
        var holding = new java.util.concurrent.CountDownLatch(held);
        var release = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(held);
        try {
            for (int i = 0; i < held; i++) {
                pool.submit(openTransaction(() -> db.use(h -> h.createQuery("select 1").mapTo(Integer.class).one()), holding, release));
            }
            assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> orgs.find(org))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(503);
                        assertThat(p.code()).isEqualTo("busy");
                        assertThat(p.extensions()).containsEntry("retryAfterSeconds", 2);
                    });
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }
}
