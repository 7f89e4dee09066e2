package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Presence: asked for or watched, never broadcast; another organisation learns nothing. */
class PresenceIT {
    private final ApiClient api = TestServer.client();
    private final int port = TestServer.shared().gatewayPort();

    @Test
    void watchersAreToldWhenSomeoneComesAndGoes() throws Exception {
        ChatFixture f = new ChatFixture(api, "Presence");
        var alice = f.member("Alice");
        var bob = f.member("Bob");
        try (ChatClient a = ChatClient.connect(port, alice.token())) {
            JsonNode watched = a.ok("presence.watch", Map.of("memberIds", List.of(bob.id(), alice.id())));
            assertThat(watched.path("online").path(bob.id()).asBoolean()).isFalse();
            assertThat(watched.path("online").path(alice.id()).asBoolean()).isTrue();

            ChatClient b = ChatClient.connect(port, bob.token());
            JsonNode on = a.nextPush("presence.changed", 3000);
            assertThat(on.path("memberId").asText()).isEqualTo(bob.id());
            assertThat(on.path("online").asBoolean()).isTrue();
            // a second device changes nothing; closing one of two changes nothing either
            ChatClient b2 = ChatClient.connect(port, f.anotherDevice(bob));
            b2.kill();
            assertThat(a.nextPush("presence.changed", 500)).isNull();
            b.kill();
            JsonNode off = a.nextPush("presence.changed", 3000);
            assertThat(off.path("online").asBoolean()).isFalse();
            assertThat(a.ok("presence.query", Map.of("memberIds", List.of(bob.id()))).path("online").path(bob.id()).asBoolean()).isFalse();
        }
    }

    @Test
    void anotherOrganisationSeesEveryoneOfflineAndListsAreBounded() throws Exception {
        ChatFixture f = new ChatFixture(api, "Presence A");
        var alice = f.member("Alice");
        var stranger = new ChatFixture(api, "Presence B").member("Stranger");
        try (ChatClient a = ChatClient.connect(port, alice.token()); ChatClient s = ChatClient.connect(port, stranger.token())) {
            assertThat(s.ok("presence.query", Map.of("memberIds", List.of(alice.id()))).path("online").path(alice.id()).asBoolean()).isFalse();
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 201; i++) many.add(UUID.randomUUID().toString());
            JsonNode res = a.call("presence.watch", Map.of("memberIds", many));
            assertThat(res.path("error").path("code").asText()).isEqualTo("too_many");
        }
    }
}
