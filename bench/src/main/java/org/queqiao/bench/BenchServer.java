package org.queqiao.bench;

import org.queqiao.platform.config.Config;
import org.queqiao.server.QueqiaoServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real single-node server (embedded PostgreSQL in a fresh temporary directory) for one benchmark run. */
final class BenchServer {
    private BenchServer() {}

    static QueqiaoServer start(Map<String, String> extra) throws Exception {
        Path dir = Files.createTempDirectory("queqiao-bench");
        Map<String, String> s = new HashMap<>();
        s.put("data.dir", dir.toString());
        s.put("http.port", "0");
        s.put("http.host", "127.0.0.1");
        s.put("gateway.port", "0");
        s.put("gateway.host", "127.0.0.1");
        s.put("log.level", "WARN");
        s.putAll(extra);
        return QueqiaoServer.start(Config.withOverrides(s));
    }
}
