package org.queqiao.server;

import org.queqiao.platform.config.Config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code java -jar queqiao-server.jar [--config FILE]}: starts one node and runs until stopped. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) configFile = Path.of(args[++i]);
            else if (args[i].equals("--help")) {
                System.out.println("usage: queqiao-server [--config FILE]   (settings: queqiao-defaults.properties; env QUEQIAO_*)");
                return;
            } else {
                System.err.println("unknown argument " + args[i] + "; try --help");
                System.exit(2);
            }
        }
        if (configFile == null && System.getenv("QUEQIAO_CONFIG") != null) configFile = Path.of(System.getenv("QUEQIAO_CONFIG"));
        Config config;
        try {
            config = Config.load(configFile, System.getenv(), systemPropertyOverrides());
        } catch (Config.ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logging.configure(config);
        QueqiaoServer server;
        try {
            server = QueqiaoServer.start(config);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("Queqiao could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "queqiao-shutdown"));
    }

    private static Map<String, String> systemPropertyOverrides() {
        Map<String, String> m = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("queqiao.")) m.put(key.substring("queqiao.".length()), v.toString());
        });
        return m;
    }
}
