package org.queqiao.platform.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    @Test
    void layersOverrideInOrderDefaultsFileEnvironmentOverrides() throws Exception {
        Path file = Files.createTempFile("queqiao", ".properties");
        Files.writeString(file, "http.port=9000\ngateway.port=9001\n");
        Config c = Config.load(file, Map.of("QUEQIAO_GATEWAY_PORT", "9002", "QUEQIAO_DB_POOL_SIZE", "4"), Map.of("db.pool-size", "5"));
        assertThat(c.integer("http.port")).isEqualTo(9000);
        assertThat(c.integer("gateway.port")).isEqualTo(9002);
        assertThat(c.integer("db.pool-size")).isEqualTo(5);
        assertThat(c.string("bus.kind")).isEqualTo("in-process");
    }

    @Test
    void unknownKeysAndBadValuesAreClearErrors() throws Exception {
        Path file = Files.createTempFile("queqiao", ".properties");
        Files.writeString(file, "http.prot=9000\n");
        assertThatThrownBy(() -> Config.load(file, Map.of(), Map.of())).hasMessageContaining("http.prot");
        Config c = Config.withOverrides(Map.of("http.port", "eighty"));
        assertThatThrownBy(() -> c.integer("http.port")).hasMessageContaining("whole number");
    }

    @Test
    void durationsReadHumanUnits() {
        Config c = Config.withOverrides(Map.of("login.lockout", "90s", "session.idle-timeout", "PT2H"));
        assertThat(c.duration("login.lockout")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.duration("session.idle-timeout")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void secretsAreMaskedInTheDescription() {
        Config c = Config.withOverrides(Map.of("db.password", "hunter2"));
        assertThat(c.describe()).contains("db.password=******").doesNotContain("hunter2");
    }
}
