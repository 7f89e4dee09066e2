package org.queqiao.storage.pg;

import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.StatementException;
import org.queqiao.platform.problem.ProblemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Turns the constraint violations a racing request can still hit (after the service's own checks)
 * into the same problems the checks would have raised, instead of a 500; and a request that waited its
 * whole connection timeout for the pool (the node is overloaded) into 503 {@code busy}, retry later.
 */
final class SqlErrors {
    private SqlErrors() {}

    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (StatementException e) {
            throw translate(e);
        } catch (ConnectionException e) {
            throw e.getCause() instanceof SQLTransientConnectionException ? busy() : e;
        }
    }

    static ProblemException busy() {
        return new ProblemException(503, "busy", "The server has more requests than its database connections can serve right now; retry in a few seconds",
                null, java.util.Map.of("retryAfterSeconds", 2));
    }

    private static RuntimeException translate(StatementException e) {
        Throwable c = e.getCause();
        if (c instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
            String msg = String.valueOf(sql.getMessage());
            if (msg.contains("members_active_email")) return ProblemException.conflict("email_taken", "An active account already uses this e-mail", "email");
            if (msg.contains("departments_sibling_name")) return ProblemException.conflict("department_name_taken", "A department with this name already exists here", "name");
            return ProblemException.conflict("conflict", "This was changed by someone else at the same time; try again", null);
        }
        return e;
    }
}
