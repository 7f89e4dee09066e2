package org.queqiao.storage.pg;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Real PostgreSQL servers for tests: one embedded server per test JVM, and the machine's own
 * PostgreSQL on 127.0.0.1:5432 (started if it is down) with a fresh database per JVM.
 */
public final class TestDatabases {
    private static Database embedded;
    private static Database local;

    private TestDatabases() {}

    public static synchronized Database embedded() {
        if (embedded == null) {
            Path embeddedDir;
            try {
                embeddedDir = Files.createTempDirectory("queqiao-test-pg");
                embedded = Database.embedded(embeddedDir, 0, 8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Path dir = embeddedDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a leftover temporary directory is harmless
                }
            }));
        }
        return embedded;
    }

    public static synchronized Database local() {
        if (local == null) {
            ensureLocalPostgresRunning();
            String name = "queqiao_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            exec("create database " + name);
            local = Database.external("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "", 8);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                local.close();
                exec("drop database if exists " + name + " with (force)");
            }));
        }
        return local;
    }

    /** A fresh, empty database on the machine's PostgreSQL, dropped when the JVM exits; returns its JDBC URL (user postgres). */
    public static String freshLocalDatabaseUrl() {
        ensureLocalPostgresRunning();
        String name = "queqiao_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> exec("drop database if exists " + name + " with (force)")));
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the local PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The machine's PostgreSQL is a real dependency of these tests: start it if it is down, never skip. */
    static void ensureLocalPostgresRunning() {
        if (listening(5432)) return;
        try {
            String version = new String(new ProcessBuilder("ls", "/etc/postgresql").start().getInputStream().readAllBytes()).strip();
            new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start").inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("PostgreSQL is not running on 127.0.0.1:5432 and could not be started", e);
        }
        for (int i = 0; i < 100 && !listening(5432); i++) sleep(100);
        if (!listening(5432)) throw new IllegalStateException("PostgreSQL did not start on 127.0.0.1:5432");
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
