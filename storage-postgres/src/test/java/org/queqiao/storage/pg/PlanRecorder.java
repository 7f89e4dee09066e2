package org.queqiao.storage.pg;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.postgres.PostgresPlugin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Db over a database's pool that EXPLAINs each statement starting with a given text, with the parameters the
 * store bound, before running it: stores are tested on the plans PostgreSQL gives their real statements.
 */
final class PlanRecorder {
    /** Statement (with its position, so repeats are kept) to its plan, in the order they ran. */
    final Map<String, String> plans = new LinkedHashMap<>();
    final Db db;

    /**
     * The databases plan tests run on, by name (a {@code @MethodSource}): not the Database itself, since JUnit closes
     * AutoCloseable arguments and these are shared by the module's tests.
     */
    static java.util.stream.Stream<String> databases() {
        return java.util.stream.Stream.of("embedded", "local");
    }

    static Database database(String which) {
        return which.equals("embedded") ? TestDatabases.embedded() : TestDatabases.local();
    }

    PlanRecorder(Database database, String statementPrefix) {
        Jdbi jdbi = Jdbi.create(database.dataSource()).installPlugin(new PostgresPlugin());
        jdbi.getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                String sql = ctx.getRenderedSql();
                if (!sql.startsWith(statementPrefix)) return;
                // pgjdbc renders a prepared statement with its parameters as literals: the custom plan it gets first
                String withParameters = stmt.unwrap(org.postgresql.PGStatement.class).toString();
                List<String> lines = new ArrayList<>();
                try (var explain = ctx.getConnection().createStatement(); ResultSet rs = explain.executeQuery("explain " + withParameters)) {
                    while (rs.next()) lines.add(rs.getString(1));
                }
                plans.put(sql + " #" + plans.size(), String.join("\n", lines));
            }
        });
        this.db = new Db(jdbi);
    }
}
