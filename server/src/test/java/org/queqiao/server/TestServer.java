package org.queqiao.server;

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
        Map<String, String> s = new HashMap<>();
        s.put("db.pool-size", "8");
        // Tests sign in from one address many times; the per-address limit has its own test.
        s.put("login.max-failures-per-ip-per-minute", "1000");
        // Chat tests send bursts of a few hundred messages per member; the flood test goes beyond.
        s.put("chat.send-rate", "200");
        s.put("chat.send-burst", "300");
        s.put("gateway.inbound-rate", "500");
        s.put("gateway.inbound-burst", "500");
        // Meeting tests drop connections and wait out the reconnect grace: keep it short.
        s.put("meetings.reconnect-grace", "2s");
        s.putAll(overrides);
        return EphemeralServer.start(s);
    }

    public static ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + shared().httpPort());
    }
}
