package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.queqiao.platform.config.Config;
import org.queqiao.platform.json.Json;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** log.format=json gives one JSON object per line, for log shippers. */
class LoggingTest {
    @Test
    void jsonFormatWritesOneObjectPerLine() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Logging.configure(Config.withOverrides(Map.of("log.format", "json")));
            LoggerFactory.getLogger("org.queqiao.test").info("member {} deactivated", "张伟");
        } finally {
            System.setOut(original);
            Logging.configure(Config.withOverrides(Map.of("log.format", "text")));
        }
        String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("deactivated")).findFirst().orElseThrow();
        JsonNode json = Json.read(line, JsonNode.class);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("loggerName").asText()).isEqualTo("org.queqiao.test");
        assertThat(json.toString()).contains("张伟");
    }
}
