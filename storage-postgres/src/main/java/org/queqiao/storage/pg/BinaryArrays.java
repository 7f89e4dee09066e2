package org.queqiao.storage.pg;

import org.jdbi.v3.core.argument.Argument;

import java.util.Collection;
import java.util.UUID;

/**
 * Array parameters for the statements on the message write path, sent in PostgreSQL's binary array
 * format. Jdbi's {@code bindArray} goes through {@code Connection.createArrayOf}, which makes pgjdbc
 * write the array as text, quoting and escaping every element: for a batch of 500 messages that was
 * most of the chat writer's time outside the database (JSON bodies are full of quotes). pgjdbc sends
 * {@code String[]}, {@code Integer[]} and {@code Long[]} binary; UUIDs travel as their text in a
 * {@code varchar[]}, so statements cast them: {@code cast(:ids as uuid[])}.
 */
final class BinaryArrays {
    private BinaryArrays() {}

    static Argument uuids(Collection<UUID> ids) {
        String[] a = new String[ids.size()];
        int i = 0;
        for (UUID id : ids) a[i++] = id == null ? null : id.toString();
        return array(a);
    }

    static Argument texts(Collection<String> values) {
        return array(values.toArray(String[]::new));
    }

    static Argument ints(Collection<Integer> values) {
        return array(values.toArray(Integer[]::new));
    }

    static Argument longs(Collection<Long> values) {
        return array(values.toArray(Long[]::new));
    }

    private static Argument array(Object[] values) {
        return new Argument() {
            @Override
            public void apply(int position, java.sql.PreparedStatement statement, org.jdbi.v3.core.statement.StatementContext ctx)
                    throws java.sql.SQLException {
                statement.setObject(position, values); // pgjdbc: binary when its encoder for the element type supports it
            }

            @Override
            public String toString() {
                return values.length + " values"; // what statement logs and JFR events show, not every element
            }
        };
    }
}
