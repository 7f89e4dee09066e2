package org.queqiao.server;

import java.util.Map;
import java.util.UUID;

/** An organisation with signed-in members, for chat tests. */
final class ChatFixture {
    final ApiClient api;
    final ApiClient.Tenant tenant;

    record Person(String id, String token, String email) {}

    ChatFixture(ApiClient api, String orgName) {
        this.api = api;
        this.tenant = api.signup(orgName);
    }

    Person owner() {
        return new Person(tenant.ownerId(), tenant.token(), tenant.ownerEmail());
    }

    /** A new member, signed in on one device. */
    Person member(String name) {
        String email = "m." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = api.post("/api/v1/members", tenant.token(), Map.of("name", name, "email", email, "role", "member"));
        if (created.status() != 201) throw new AssertionError("member creation failed: " + created);
        String password = created.json().path("temporaryPassword").asText();
        return new Person(created.json().path("member").path("id").asText(), signIn(email, password), email + "\u0000" + password);
    }

    /** Another device of the same person. */
    String anotherDevice(Person p) {
        int sep = p.email().indexOf('\u0000');
        if (sep < 0) throw new IllegalArgumentException("only for members created by the fixture");
        return signIn(p.email().substring(0, sep), p.email().substring(sep + 1));
    }

    private String signIn(String email, String password) {
        var r = api.post("/api/v1/sessions", null, Map.of("email", email, "password", password, "deviceName", "test"));
        if (r.status() != 201) throw new AssertionError("sign-in failed: " + r);
        return r.json().path("token").asText();
    }

    String direct(Person a, Person b) {
        var r = api.post("/api/v1/conversations/direct", a.token(), Map.of("memberId", b.id()));
        if (r.status() != 201) throw new AssertionError("direct chat failed: " + r);
        return r.json().path("id").asText();
    }

    String group(Person owner, String title, Person... members) {
        var ids = java.util.Arrays.stream(members).map(Person::id).toList();
        var r = api.post("/api/v1/conversations", owner.token(), Map.of("title", title, "memberIds", ids));
        if (r.status() != 201) throw new AssertionError("group creation failed: " + r);
        return r.json().path("id").asText();
    }
}
