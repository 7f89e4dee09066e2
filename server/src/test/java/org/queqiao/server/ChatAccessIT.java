package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may read and post: members only; another organisation sees nothing; group roles decide management. */
class ChatAccessIT {
    private final ApiClient api = TestServer.client();
    private final int port = TestServer.shared().gatewayPort();

    @Test
    void nonMembersCanNeitherReadNorSendAndOtherTenantsSeeNothing() throws Exception {
        ChatFixture f = new ChatFixture(api, "Access");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        var outsider = f.member("Outsider");
        String group = f.group(alice, "Secret project", bob);
        ChatFixture other = new ChatFixture(api, "Other tenant");
        var stranger = other.member("Stranger");
        try (ChatClient a = ChatClient.connect(port, alice.token());
             ChatClient o = ChatClient.connect(port, outsider.token());
             ChatClient s = ChatClient.connect(port, stranger.token())) {
            a.ok("chat.send", Map.of("conversationId", group, "clientMsgId", "s1", "text", "下周降价"));
            for (ChatClient intruder : List.of(o, s)) {
                assertThat(code(intruder.call("chat.send", Map.of("conversationId", group, "clientMsgId", "x", "text", "hi")))).isEqualTo("no_such_conversation");
                assertThat(code(intruder.call("chat.history", Map.of("conversationId", group)))).isEqualTo("no_such_conversation");
                assertThat(code(intruder.call("chat.read", Map.of("conversationId", group, "seq", 1)))).isEqualTo("no_such_conversation");
                JsonNode sync = intruder.ok("chat.sync", Map.of("cursors", Map.of(group, 0)));
                assertThat(sync.path("conversations")).isEmpty();
                assertThat(sync.path("removed")).extracting(JsonNode::asText).containsExactly(group);
                assertThat(intruder.nextPush("chat.entry", 300)).as("nothing pushed to outsiders").isNull();
            }
            for (String token : List.of(outsider.token(), stranger.token())) {
                for (String path : List.of("", "/entries", "/members", "/messages/1/receipts")) {
                    var r = api.get("/api/v1/conversations/" + group + path, token);
                    assertThat(r.status()).as(path).isEqualTo(404);
                    assertThat(r.body()).doesNotContain("下周降价");
                }
                assertThat(api.post("/api/v1/conversations/" + group + "/messages", token, Map.of("clientMsgId", "y", "text", "hi")).status()).isEqualTo(404);
                assertThat(api.post("/api/v1/conversations/" + group + "/members", token, Map.of("memberIds", List.of(stranger.id()))).status()).isEqualTo(404);
                assertThat(api.get("/api/v1/conversations", token).json().path("items")).isEmpty();
            }
            // members of another organisation cannot be added, nor chatted with directly
            var add = api.post("/api/v1/conversations/" + group + "/members", alice.token(), Map.of("memberIds", List.of(stranger.id())));
            assertThat(add.status()).isEqualTo(400);
            assertThat(add.code()).isEqualTo("unknown_member");
            assertThat(api.post("/api/v1/conversations/direct", alice.token(), Map.of("memberId", stranger.id())).code()).isEqualTo("unknown_member");
        }
    }

    @Test
    void groupRolesDecideWhoManagesAndMutedMembersCannotPost() throws Exception {
        ChatFixture f = new ChatFixture(api, "Roles");
        var owner = f.member("Owner");
        var admin = f.member("Admin");
        var bob = f.member("Bob");
        var carol = f.member("Carol");
        String group = f.group(owner, "Roles", admin, bob, carol);
        String base = "/api/v1/conversations/" + group;
        assertThat(api.patch(base + "/members/" + admin.id(), owner.token(), Map.of("role", "admin")).status()).isEqualTo(204);
        // a plain member cannot remove anyone or rename; an admin cannot remove another admin
        assertThat(api.delete(base + "/members/" + carol.id(), bob.token()).code()).isEqualTo("not_group_admin");
        assertThat(api.patch(base, bob.token(), Map.of("title", "mine now")).code()).isEqualTo("not_group_admin");
        assertThat(api.patch(base, admin.token(), Map.of("title", "新名字", "announcement", "周五例会")).status()).isEqualTo(200);
        // muted: reads but cannot post until unmuted
        assertThat(api.patch(base + "/members/" + bob.id(), admin.token(), Map.of("mutedUntil", "2099-01-01T00:00:00Z")).status()).isEqualTo(204);
        var muted = api.post(base + "/messages", bob.token(), Map.of("clientMsgId", "m1", "text", "can I talk?"));
        assertThat(muted.status()).isEqualTo(403);
        assertThat(muted.code()).isEqualTo("muted");
        assertThat(api.get(base + "/entries", bob.token()).status()).isEqualTo(200);
        var unmute = new java.util.HashMap<String, Object>();
        unmute.put("mutedUntil", null);
        assertThat(api.patch(base + "/members/" + bob.id(), admin.token(), unmute).status()).isEqualTo(204);
        assertThat(api.post(base + "/messages", bob.token(), Map.of("clientMsgId", "m1", "text", "thanks")).status()).isEqualTo(201);
        // @all is for owner and admins
        assertThat(api.post(base + "/messages", bob.token(), Map.of("clientMsgId", "m2", "text", "@all", "mentionAll", true)).code()).isEqualTo("mention_all_forbidden");
        assertThat(api.post(base + "/messages", admin.token(), Map.of("clientMsgId", "m3", "text", "@all 开会", "mentionAll", true)).status()).isEqualTo(201);
        // removal: the removed member loses the conversation and its history at once
        assertThat(api.delete(base + "/members/" + carol.id(), admin.token()).status()).isEqualTo(204);
        assertThat(api.get(base + "/entries", carol.token()).status()).isEqualTo(404);
        // the owner must hand over before leaving; then may leave
        assertThat(api.delete(base + "/members/" + owner.id(), owner.token()).code()).isEqualTo("owner_cannot_leave");
        assertThat(api.post(base + "/transfer-owner", owner.token(), Map.of("memberId", admin.id())).status()).isEqualTo(204);
        assertThat(api.delete(base + "/members/" + owner.id(), owner.token()).status()).isEqualTo(204);
        // dissolve: readable, closed to posts
        assertThat(api.post(base + "/dissolve", admin.token(), Map.of()).status()).isEqualTo(204);
        assertThat(api.post(base + "/messages", bob.token(), Map.of("clientMsgId", "m4", "text", "hello?")).code()).isEqualTo("conversation_dissolved");
        JsonNode log = api.get(base + "/entries?limit=200", bob.token()).json().path("items");
        List<String> events = new java.util.ArrayList<>();
        for (JsonNode e : log) if (e.path("kind").asText().equals("system")) events.add(e.path("body").path("event").path("type").asText());
        assertThat(events).contains("group_created", "role_changed", "group_updated", "member_muted", "member_unmuted", "members_removed",
                "owner_changed", "member_left", "group_dissolved");
    }

    @Test
    void readReceiptsShowWhoHasReadAndReachTheSenderLive() throws Exception {
        ChatFixture f = new ChatFixture(api, "Receipts");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        var carol = f.member("Carol");
        String group = f.group(alice, "Receipts", bob, carol);
        try (ChatClient a = ChatClient.connect(port, alice.token()); ChatClient b = ChatClient.connect(port, bob.token())) {
            long seq = a.ok("chat.send", Map.of("conversationId", group, "clientMsgId", "q1", "text", "收到请回复")).path("entry").path("seq").asLong();
            var before = api.get("/api/v1/conversations/" + group + "/messages/" + seq + "/receipts", alice.token()).json();
            assertThat(before.path("readCount").asLong()).isEqualTo(1); // the sender
            assertThat(before.path("unreadCount").asLong()).isEqualTo(2);
            var bobsList = api.get("/api/v1/conversations", bob.token()).json().path("items").get(0);
            assertThat(bobsList.path("unread").asInt()).isEqualTo(1);
            assertThat(b.ok("chat.read", Map.of("conversationId", group, "seq", seq)).path("readSeq").asLong()).isEqualTo(seq);
            JsonNode read = a.nextPush("chat.read", 3000);
            assertThat(read).isNotNull();
            assertThat(read.path("memberId").asText()).isEqualTo(bob.id());
            assertThat(read.path("readSeq").asLong()).isEqualTo(seq);
            var after = api.get("/api/v1/conversations/" + group + "/messages/" + seq + "/receipts?state=unread", alice.token()).json();
            assertThat(after.path("readCount").asLong()).isEqualTo(2);
            assertThat(after.path("members")).extracting(JsonNode::asText).containsExactly(carol.id());
            assertThat(api.get("/api/v1/conversations", bob.token()).json().path("items").get(0).path("unread").asInt()).isZero();
            // read positions never move back
            assertThat(b.ok("chat.read", Map.of("conversationId", group, "seq", 0)).path("readSeq").asLong()).isEqualTo(seq);
        }
    }

    private static String code(JsonNode res) {
        assertThat(res.path("ok").asBoolean()).as(res.toString()).isFalse();
        return res.path("error").path("code").asText();
    }
}
