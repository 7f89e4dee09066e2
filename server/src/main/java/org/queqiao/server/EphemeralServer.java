package org.queqiao.server;

import org.queqiao.platform.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A throw-away single node on loopback: fresh data directory (embedded PostgreSQL), free ports.
 * What tests, benchmarks and demos start; the settings given win over these.
 */
public final class EphemeralServer {
    private EphemeralServer() {}

    public static QueqiaoServer start(Map<String, String> overrides) {
        Path dir;
        try {
            dir = Files.createTempDirectory("queqiao-node");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> s = new HashMap<>();
        s.put("data.dir", dir.toString());
        s.put("http.host", "127.0.0.1");
        s.put("http.port", "0");
        s.put("gateway.host", "127.0.0.1");
        s.put("gateway.port", "0");
        s.put("media.port", "0");
        s.putAll(overrides);
        QueqiaoServer server = QueqiaoServer.start(Config.withOverrides(s));
        server.afterClose(() -> deleteTree(dir));
        return server;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
