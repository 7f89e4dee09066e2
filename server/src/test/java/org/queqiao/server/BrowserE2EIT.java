package org.queqiao.server;

import com.sun.net.httpserver.HttpServer;
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
        HttpServer model = AssistantModel.start();
        try (QueqiaoServer server = TestServer.start(Map.of("meetings.reconnect-grace", "30s",
                "desk.assistant-url", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1", "desk.assistant-model", "e2e-model"))) {
            run("http://127.0.0.1:" + server.httpPort());
        } finally {
            model.stop(0);
        }
    }

    /**
     * The model server desk-assistant.spec.ts talks to, through the bot: an OpenAI-compatible chat-completions endpoint
     * on loopback that answers questions about the weekend ("周末") from the first FAQ it was given and declines the
     * rest, so desk.spec.ts's questions stay with the knowledge base.
     */
    static final class AssistantModel {
        private static final java.util.regex.Pattern FIRST_ANSWER = java.util.regex.Pattern.compile("\\[1] Q: [^\\n]*\\n\\s*A: ([^\\n]*)");

        static HttpServer start() throws java.io.IOException {
            HttpServer model = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            model.createContext("/v1/chat/completions", ex -> {
                var messages = org.queqiao.platform.json.Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()).path("messages");
                String question = messages.path(1).path("content").asText();
                var first = FIRST_ANSWER.matcher(messages.path(0).path("content").asText());
                String content = question.contains("周末") && first.find() ? "根据资料：" + first.group(1) : "NO_ANSWER";
                byte[] body = org.queqiao.platform.json.Json.write(Map.of("choices", java.util.List.of(Map.of("index", 0,
                        "message", Map.of("role", "assistant", "content", content))))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            model.start();
            return model;
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
