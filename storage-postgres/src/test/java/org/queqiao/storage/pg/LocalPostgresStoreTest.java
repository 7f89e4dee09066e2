package org.queqiao.storage.pg;

/** The same contract on an external PostgreSQL server (the machine's own, on 127.0.0.1:5432), as in production. */
class LocalPostgresStoreTest extends StoreContract {
    @Override
    Database database() {
        return TestDatabases.local();
    }
}
