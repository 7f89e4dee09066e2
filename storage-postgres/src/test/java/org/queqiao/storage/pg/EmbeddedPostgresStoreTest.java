package org.queqiao.storage.pg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on the embedded PostgreSQL the single-node server uses by default. */
class EmbeddedPostgresStoreTest extends StoreContract {
    @Override
    Database database() {
        return TestDatabases.embedded();
    }

    /** An acknowledged message is durable: commits wait for the WAL to reach the disk (the embedded default does not). */
    @Test
    void commitsWaitForTheDisk() {
        String synchronousCommit = db.with(h -> h.createQuery("show synchronous_commit").mapTo(String.class).one());
        String fsync = db.with(h -> h.createQuery("show fsync").mapTo(String.class).one());
        assertThat(synchronousCommit).isEqualTo("on");
        assertThat(fsync).isEqualTo("on");
    }
}
