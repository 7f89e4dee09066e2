package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Files and images: upload, push, download by members only, idempotent resend, forward, limits. */
class ChatFilesIT {
    private final ApiClient api = TestServer.client();
    private final int port = TestServer.shared().gatewayPort();

    @Test
    void membersShareFilesAndImagesAndNobodyElseCanFetchThem() throws Exception {
        ChatFixture f = new ChatFixture(api, "Files");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        var carol = f.member("Carol");
        String chat = f.direct(alice, bob);
        String group = f.group(bob, "Group", carol);
        byte[] png = new byte[300_000];
        new Random(7).nextBytes(png);
        String name = URLEncoder.encode("病历 scan.png", StandardCharsets.UTF_8);
        try (ChatClient b = ChatClient.connect(port, bob.token())) {
            var up = api.postRaw("/api/v1/conversations/" + chat + "/files?clientMsgId=f1&name=" + name, alice.token(), "image/png", png);
            assertThat(up.status()).as(up.toString()).isEqualTo(201);
            JsonNode entry = up.json().path("entry");
            assertThat(entry.path("kind").asText()).isEqualTo("image");
            String sha = entry.path("body").path("file").path("sha256").asText();
            assertThat(entry.path("body").path("file").path("name").asText()).isEqualTo("病历 scan.png");
            assertThat(entry.path("body").path("file").path("size").asLong()).isEqualTo(png.length);
            assertThat(b.nextPush("chat.entry", 3000).path("body").path("file").path("sha256").asText()).isEqualTo(sha);

            var down = api.getBytes("/api/v1/conversations/" + chat + "/files/" + sha, bob.token());
            assertThat(down.status()).isEqualTo(200);
            assertThat(down.body()).isEqualTo(png);
            assertThat(down.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
            assertThat(down.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");

            // a resend of the same upload is the same message
            var again = api.postRaw("/api/v1/conversations/" + chat + "/files?clientMsgId=f1&name=" + name, alice.token(), "image/png", png);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("duplicate").asBoolean()).isTrue();

            // an HTML file is only ever downloaded, never rendered as a page of ours
            var html = api.postRaw("/api/v1/conversations/" + chat + "/files?clientMsgId=f2&name=x.html", alice.token(), "text/html",
                    "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
            String htmlSha = html.json().path("entry").path("body").path("file").path("sha256").asText();
            assertThat(html.json().path("entry").path("kind").asText()).isEqualTo("file");
            var htmlDown = api.getBytes("/api/v1/conversations/" + chat + "/files/" + htmlSha, bob.token());
            assertThat(htmlDown.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/octet-stream");
            assertThat(htmlDown.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

            // carol is not in the direct chat: nothing, even knowing the hash; not even through her own group
            assertThat(api.getBytes("/api/v1/conversations/" + chat + "/files/" + sha, carol.token()).status()).isEqualTo(404);
            assertThat(api.getBytes("/api/v1/conversations/" + group + "/files/" + sha, carol.token()).status()).isEqualTo(404);
            var stranger = new ChatFixture(api, "Other").member("Stranger");
            assertThat(api.getBytes("/api/v1/conversations/" + chat + "/files/" + sha, stranger.token()).status()).isEqualTo(404);
            assertThat(api.postRaw("/api/v1/conversations/" + chat + "/files?clientMsgId=x&name=a.txt", stranger.token(), "text/plain", new byte[]{1}).status())
                    .isEqualTo(404);

            // a refused upload (carol is muted in the group) leaves nothing anyone can download
            assertThat(api.patch("/api/v1/conversations/" + group + "/members/" + carol.id(), bob.token(), Map.of("mutedUntil", "2099-01-01T00:00:00Z")).status())
                    .isEqualTo(204);
            byte[] secret = "muted upload".getBytes(StandardCharsets.UTF_8);
            var refused = api.postRaw("/api/v1/conversations/" + group + "/files?clientMsgId=m1&name=s.txt", carol.token(), "text/plain", secret);
            assertThat(refused.code()).isEqualTo("muted");
            String secretSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(secret));
            assertThat(api.getBytes("/api/v1/conversations/" + group + "/files/" + secretSha, bob.token()).status()).isEqualTo(404);

            // forwarded into the group, it becomes carol's to download
            long seq = entry.path("seq").asLong();
            assertThat(api.post("/api/v1/conversations/" + chat + "/messages/" + seq + "/forward", bob.token(),
                    Map.of("clientMsgId", "fw1", "toConversationId", group)).status()).isEqualTo(200);
            assertThat(api.getBytes("/api/v1/conversations/" + group + "/files/" + sha, carol.token()).body()).isEqualTo(png);
        }
    }

    @Test
    void badUploadsAreRefused() {
        ChatFixture f = new ChatFixture(api, "Bad files");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        String chat = f.direct(alice, bob);
        String base = "/api/v1/conversations/" + chat + "/files";
        assertThat(api.postRaw(base + "?clientMsgId=a", alice.token(), "text/plain", new byte[]{1}).code()).isEqualTo("required");
        assertThat(api.postRaw(base + "?clientMsgId=a&name=e.txt", alice.token(), "text/plain", new byte[0]).code()).isEqualTo("empty_file");
        assertThat(api.postRaw(base + "?name=a.txt", alice.token(), "text/plain", new byte[]{1}).code()).isEqualTo("invalid_client_msg_id");
        assertThat(api.getBytes(base + "/" + "0".repeat(64), bob.token()).status()).isEqualTo(404);
        assertThat(api.getBytes(base + "/..%2F..%2Fetc%2Fpasswd", bob.token()).status()).isEqualTo(404);
    }

    @Test
    void filesOverTheLimitAreRefusedBeforeAnythingIsStored() throws Exception {
        try (QueqiaoServer server = TestServer.start(Map.of("chat.max-file-bytes", "1000"))) {
            ApiClient small = new ApiClient("http://127.0.0.1:" + server.httpPort());
            ChatFixture f = new ChatFixture(small, "Limits");
            var alice = f.member("Alice");
            var bob = f.member("Bob");
            String chat = f.direct(alice, bob);
            var r = small.postRaw("/api/v1/conversations/" + chat + "/files?clientMsgId=big&name=big.bin", alice.token(), "application/octet-stream", new byte[5000]);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.code()).isEqualTo("file_too_large");
            assertThat(r.json().path("limit").asLong()).isEqualTo(1000);
            assertThat(small.get("/api/v1/conversations/" + chat, bob.token()).json().path("lastSeq").asLong()).isZero();
        }
    }
}
