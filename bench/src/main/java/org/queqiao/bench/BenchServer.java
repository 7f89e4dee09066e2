package org.queqiao.bench;

import org.queqiao.server.EphemeralServer;
import org.queqiao.server.QueqiaoServer;

import java.util.HashMap;
import java.util.Map;

/** A real single-node server (embedded PostgreSQL in a fresh temporary directory) for one benchmark run. */
final class BenchServer {
    private BenchServer() {}

    static QueqiaoServer start(Map<String, String> extra) {
        // one client address drives all the load: the per-address API limit would measure itself
        Map<String, String> s = new HashMap<>(Map.of("log.level", "WARN", "http.rate-per-address", "0"));
        s.putAll(extra);
        return EphemeralServer.start(s);
    }
}
