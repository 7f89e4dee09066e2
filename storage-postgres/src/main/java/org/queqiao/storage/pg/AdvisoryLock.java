package org.queqiao.storage.pg;

import java.util.UUID;

/**
 * A PostgreSQL transaction-scoped advisory lock per organisation. Each use has its own key space
 * (the lock's first key) so that, say, the router's pass and queue stamping never wait for each other.
 */
record AdvisoryLock(int space) {
    /** Waits for the organisation's lock in this space and holds it until the current transaction ends. */
    void holdUntilCommit(Db db, UUID orgId) {
        db.use(h -> h.createQuery("select pg_advisory_xact_lock(:space, :key)").bind("space", space).bind("key", orgId.hashCode())
                .mapTo(String.class).list());
    }
}
