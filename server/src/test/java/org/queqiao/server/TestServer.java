package org.queqiao.server;

import org.queqiao.platform.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server, started once per test JVM on random ports with its embedded PostgreSQL in a
 * temporary directory. Tests isolate themselves by signing up their own organisations.
 */
public final class TestServer {
    private static QueqiaoServer shared;

    private TestServer() {}

    public static synchronized QueqiaoServer shared() {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A separate server with extra settings; the caller closes it. */
    public static QueqiaoServer start(Map<String, String> overrides) {
        try {
            Path dir = Files.createTempDirectory("queqiao-it");
            Map<String, String> s = new HashMap<>();
            s.put("data.dir", dir.toString());
            s.put("http.port", "0");
            s.put("http.host", "127.0.0.1");
            s.put("gateway.port", "0");
            s.put("gateway.host", "127.0.0.1");
            s.put("db.pool-size", "8");
            // Tests sign in from one address many times; the per-address limit has its own test.
            s.put("login.max-failures-per-ip-per-minute", "1000");
            s.putAll(overrides);
            return QueqiaoServer.start(Config.withOverrides(s));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + shared().httpPort());
    }
}
