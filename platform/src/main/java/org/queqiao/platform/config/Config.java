package org.queqiao.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Layered configuration. Later layers win:
 * <ol>
 *   <li>the documented defaults file {@code queqiao-defaults.properties} on the classpath;</li>
 *   <li>an optional config file (properties format) named by {@code QUEQIAO_CONFIG} or {@code --config};</li>
 *   <li>environment variables: {@code QUEQIAO_HTTP_PORT} overrides {@code http.port} (dots and dashes become underscores);</li>
 *   <li>explicit overrides (system properties {@code -Dqueqiao.http.port=...}, or tests).</li>
 * </ol>
 * Only keys present in the defaults file exist: an unknown key in a file is an error, so a typo
 * never silently does nothing. Secrets are masked in {@link #describe()}.
 */
public final class Config {
    public static final String DEFAULTS_RESOURCE = "queqiao-defaults.properties";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|api-key|private-key)$");

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Config load(Path configFile, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>(readDefaults());
        if (configFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + configFile + ": " + e.getMessage());
            }
            for (String k : p.stringPropertyNames()) {
                if (!v.containsKey(k)) throw new ConfigException("unknown setting '" + k + "' in " + configFile);
                v.put(k, p.getProperty(k).strip());
            }
        }
        for (String k : v.keySet().toArray(String[]::new)) {
            String envName = envName(k);
            if (env.containsKey(envName)) v.put(k, env.get(envName).strip());
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!v.containsKey(e.getKey())) throw new ConfigException("unknown setting '" + e.getKey() + "'");
            v.put(e.getKey(), e.getValue());
        }
        return new Config(v);
    }

    /** Defaults plus the given overrides; what tests use. */
    public static Config withOverrides(Map<String, String> overrides) {
        return load(null, Map.of(), overrides);
    }

    public static String envName(String key) {
        return "QUEQIAO_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readDefaults() {
        Properties p = new Properties();
        try (InputStream in = Config.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new ConfigException(DEFAULTS_RESOURCE + " is missing from the classpath");
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + DEFAULTS_RESOURCE + ": " + e.getMessage());
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k).strip());
        return m;
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) throw new ConfigException("unknown setting '" + key + "'");
        return v;
    }

    /** Empty string means "not set". */
    public String optional(String key) {
        String v = string(key);
        return v.isEmpty() ? null : v;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new ConfigException("setting '" + key + "' must be a whole number, got '" + string(key) + "'");
        }
    }

    public long longValue(String key) {
        try {
            return Long.parseLong(string(key));
        } catch (NumberFormatException e) {
            throw new ConfigException("setting '" + key + "' must be a whole number, got '" + string(key) + "'");
        }
    }

    public boolean bool(String key) {
        String v = string(key);
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new ConfigException("setting '" + key + "' must be true or false, got '" + v + "'");
    }

    /** ISO-8601 ({@code PT30S}) or a plain number with a unit suffix: {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, {@code 500ms}. */
    public Duration duration(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) return Duration.parse(v.toUpperCase(Locale.ROOT));
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new ConfigException("setting '" + key + "' must be a duration like 30s, 5m or PT1H, got '" + string(key) + "'");
        }
    }

    /** Every setting, secrets masked: safe to log at start-up. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(SECRET.matcher(k).matches() && !v.isEmpty() ? "******" : v).append('\n'));
        return sb.toString();
    }

    public Map<String, String> asMap() {
        return values;
    }

    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
