package org.queqiao.storage.pg;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.queqiao.platform.tx.Transactor;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Access to the database for the stores: inside {@link #inTransaction} every store call joins the
 * same handle (bound to the calling thread); outside, each call takes a connection for itself.
 */
public final class Db implements Transactor {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    public Db(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) return work.get();
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> {
            current.set(h);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
    }

    public <T> T with(Function<Handle, T> work) {
        Handle h = current.get();
        if (h != null) return SqlErrors.translate(() -> work.apply(h));
        return SqlErrors.translate(() -> jdbi.withHandle(work::apply));
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
