package org.queqiao.storage.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.queqiao.platform.tx.Transactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

/**
 * The node's PostgreSQL: either embedded (a real PostgreSQL server process under the data directory,
 * kept across restarts) or an external one named by URL. Either way the schema is brought up to date
 * by Flyway before anything else runs. The code above this class cannot tell which one it got.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final Db db;
    private final java.util.List<HikariDataSource> reserved = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
        this.db = new Db(Jdbi.create(pool).installPlugin(new PostgresPlugin()));
    }

    /**
     * Transactions on {@code connections} connections of their own, for work whose latency is a target and
     * must not wait behind a backlog of requests for the main pool (the desk router). Stores join them as usual.
     */
    public Transactor reserved(String name, int connections) {
        HikariConfig hc = config(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), connections, "queqiao-db-" + name);
        HikariDataSource ds = new HikariDataSource(hc);
        reserved.add(ds);
        return db.on(Jdbi.create(ds).installPlugin(new PostgresPlugin()));
    }

    /** An external PostgreSQL (production, or the machine's own server in tests). */
    public static Database external(String url, String user, String password, int poolSize) {
        return open(null, url, user, password, poolSize);
    }

    /** The embedded PostgreSQL, its files under {@code dataDir}; {@code port} 0 picks a free one. */
    public static Database embedded(Path dataDir, int port, int poolSize) {
        Path pgDir = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgDir);
            long t0 = System.nanoTime();
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", String.valueOf(Math.max(50, poolSize * 2 + 10)))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // the embedded default turns this off; an acknowledged message must survive a power cut
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    // chat writes a steady stream: fewer, spread-out checkpoints keep commits from stalling behind them
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("checkpoint_completion_target", "0.9")
                    .setServerConfig("shared_buffers", "256MB")
                    // A new 16 MB WAL file is otherwise written full of zeros (and fsynced) by the backend that
                    // needs it, while every other commit waits: at 5,000 chat msg/s a new file every 2 s and a
                    // 50-80 ms stall each time. Until the first checkpoints recycle old files, and after a quiet
                    // spell shrank what is kept, every file is new. Safe: WAL records carry checksums, and a
                    // hole reads as zeros, the end of the log (ADR 0007).
                    .setServerConfig("wal_init_zero", "off")
                    // Autovacuum visits the database every 10 s instead of every minute: each visit then has a
                    // sixth of the work (the indexer's queue alone gains 300,000 dead rows a minute at 5,000
                    // chat msg/s), so it takes the core from the chat in short turns, not in 1-2 s bursts.
                    .setServerConfig("autovacuum_naptime", "10s");
            if (port > 0) b.setPort(port);
            EmbeddedPostgres pg = b.start();
            log.info("embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)", pg.getPort(), pgDir, (System.nanoTime() - t0) / 1_000_000);
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
            try {
                return open(pg, url, "postgres", "", poolSize);
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + pgDir + ": " + e.getMessage()
                    + " (is another Queqiao using this data directory? set data.dir or db.url)", e);
        }
    }

    private static HikariConfig config(String url, String user, String password, int poolSize, String name) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        // set once when a connection opens, whatever the server's default_transaction_isolation; Db relies on it
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // A fixed-size pool, as HikariCP advises for spiky load: with a minimum of 2 idle, a burst of borrowers
        // relies on the pool's adder to grow it, and a CI run of StoreContract caught it stuck at 7 of 8 while a
        // borrower timed out after 10 s (a 503 busy in the server, with the pool not full).
        hc.setMinimumIdle(poolSize);
        hc.setPoolName(name);
        hc.setConnectionTimeout(10_000);
        return hc;
    }

    private static Database open(EmbeddedPostgres embedded, String url, String user, String password, int poolSize) {
        HikariConfig hc = config(url, user, password, poolSize, "queqiao-db");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + url + " as " + user + ": " + rootMessage(e)
                    + " (check db.url, db.user and db.password)", e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(embedded, pool);
    }

    private static void migrate(DataSource ds) {
        var result = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        log.info("database schema at version {} ({} migration(s) applied)", result.targetSchemaVersion, result.migrationsExecuted);
    }

    public Db db() {
        return db;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Readiness: can we run a query right now? */
    public boolean isReady() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        reserved.forEach(HikariDataSource::close);
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
