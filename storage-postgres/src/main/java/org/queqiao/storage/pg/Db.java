package org.queqiao.storage.pg;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.queqiao.platform.tx.Transactor;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Access to the database for the stores: inside {@link #inTransaction} every store call joins the
 * same handle (bound to the calling thread); outside, each call takes a connection for itself.
 */
public final class Db implements Transactor {
    private final Jdbi jdbi;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Db.class);
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    /** The pool that calls outside a transaction take a connection from, while a reserved transactor's work runs. */
    private final ThreadLocal<Jdbi> source = new ThreadLocal<>();
    private final ThreadLocal<java.util.List<Runnable>> afterCommit = new ThreadLocal<>();

    public Db(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(jdbi, work);
    }

    /**
     * Transactions on connections of a pool of their own (e.g. the desk router's), which every store of
     * this Db joins as usual: work that must not queue behind the requests waiting for the main pool.
     */
    public Transactor on(Jdbi reserved) {
        Db self = this;
        return new Transactor() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                // what runs after commit on this thread (pushes that look up members) stays on the reserved pool too
                Jdbi before = self.source.get();
                self.source.set(reserved);
                try {
                    return self.inTransaction(reserved, work);
                } finally {
                    if (before == null) self.source.remove();
                    else self.source.set(before);
                }
            }

            @Override
            public void afterCommit(Runnable action) {
                self.afterCommit(action);
            }
        };
    }

    private <T> T inTransaction(Jdbi source, Supplier<T> work) {
        if (current.get() != null) return work.get();
        java.util.List<Runnable> actions = new java.util.ArrayList<>();
        // READ COMMITTED is every pooled connection's level (Database sets it once per connection): naming the
        // level here made Jdbi ask the server for it before and after every transaction, four round trips
        T result = SqlErrors.translate(() -> source.inTransaction(h -> {
            current.set(h);
            afterCommit.set(actions);
            try {
                return work.get();
            } finally {
                current.remove();
                afterCommit.remove();
            }
        }));
        for (Runnable a : actions) {
            try {
                a.run();
            } catch (RuntimeException e) {
                log.error("an after-commit action failed; the transaction stands", e);
            }
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        java.util.List<Runnable> actions = afterCommit.get();
        if (actions == null) action.run();
        else actions.add(action);
    }

    public <T> T with(Function<Handle, T> work) {
        Handle h = current.get();
        if (h != null) return SqlErrors.translate(() -> work.apply(h));
        Jdbi from = source.get();
        return SqlErrors.translate(() -> (from == null ? jdbi : from).withHandle(work::apply));
    }

    public void use(java.util.function.Consumer<Handle> work) {
        with(h -> {
            work.accept(h);
            return null;
        });
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
