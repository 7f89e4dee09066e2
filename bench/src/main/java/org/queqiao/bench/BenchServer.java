package org.queqiao.bench;

import org.queqiao.server.EphemeralServer;
import org.queqiao.server.QueqiaoServer;

import java.util.HashMap;
import java.util.Map;

/** A real single-node server (embedded PostgreSQL in a fresh temporary directory) for one benchmark run. */
final class BenchServer {
    private BenchServer() {}

    static QueqiaoServer start(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("log.level", "WARN"));
        s.putAll(extra);
        return EphemeralServer.start(s);
    }
}
