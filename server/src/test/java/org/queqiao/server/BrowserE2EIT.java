package org.queqiao.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        // Its own server with the production reconnect grace (30 s): the shared one's 2 s would time out the
        // participant that meeting-reconnect.spec.ts cuts off for 4 s before it could come back.
        try (QueqiaoServer server = TestServer.start(Map.of("meetings.reconnect-grace", "30s"))) {
            run("http://127.0.0.1:" + server.httpPort());
        }
    }

    private static void run(String base) throws Exception {
        Path web = Path.of("..", "web").toAbsolutePath().normalize();
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        Path log = Files.createTempFile("playwright", ".log");
        ProcessBuilder pb = new ProcessBuilder("npx", "playwright", "test", "-c", "e2e/playwright.config.ts")
                .directory(web.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUEQIAO_BASE_URL", base);
        pb.environment().put("CHROMIUM_PATH", chromium);
        pb.environment().put("CI", "true");
        Process p = pb.start();
        boolean done = p.waitFor(12, TimeUnit.MINUTES); // three-browser meeting specs take a few minutes on a busy 2-core machine
        if (!done) p.destroyForcibly();
        String out = Files.readString(log);
        System.out.println(out);
        assertThat(done).as("playwright finished within 12 minutes").isTrue();
        assertThat(p.exitValue()).as("playwright output:\n" + out).isZero();
        assertThat(out).contains("passed");
    }

}
