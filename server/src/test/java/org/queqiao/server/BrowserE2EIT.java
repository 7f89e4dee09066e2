package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does in the browser, in Debian's Chromium driven by Playwright (web/e2e/*.spec.ts),
 * against this real server on a random port.
 */
class BrowserE2EIT {
    @Test
    void playwrightSpecsPassAgainstTheRealServer() throws Exception {
        Path web = Path.of("..", "web").toAbsolutePath().normalize();
        assertThat(web.resolve("node_modules/@playwright/test")).as("npm ci ran in web/ during the build").exists();
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("Debian chromium is installed (.ci/run installs it)").exists();
        String base = "http://127.0.0.1:" + TestServer.shared().httpPort();
        Path log = Files.createTempFile("playwright", ".log");
        ProcessBuilder pb = new ProcessBuilder("npx", "playwright", "test", "-c", "e2e/playwright.config.ts")
                .directory(web.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUEQIAO_BASE_URL", base);
        pb.environment().put("CHROMIUM_PATH", chromium);
        pb.environment().put("CI", "true");
        Process p = pb.start();
        boolean done = p.waitFor(8, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log);
        System.out.println(out);
        assertThat(done).as("playwright finished within 8 minutes").isTrue();
        assertThat(p.exitValue()).as("playwright output:\n" + out).isZero();
        assertThat(out).contains("passed");
    }

}
