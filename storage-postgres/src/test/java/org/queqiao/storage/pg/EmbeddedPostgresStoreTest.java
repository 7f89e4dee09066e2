package org.queqiao.storage.pg;

/** The store contract on the embedded PostgreSQL the single-node server uses by default. */
class EmbeddedPostgresStoreTest extends StoreContract {
    @Override
    Database database() {
        return TestDatabases.embedded();
    }
}
