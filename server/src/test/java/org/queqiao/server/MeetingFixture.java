package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/** An organisation with members for meeting tests, plus the calls they all make. */
final class MeetingFixture {
    final ChatFixture org;
    final ApiClient api;
    final int port = TestServer.shared().gatewayPort();

    MeetingFixture(ApiClient api, String orgName) {
        this.api = api;
        this.org = new ChatFixture(api, orgName);
    }

    ChatFixture.Person owner() {
        return org.owner();
    }

    ChatFixture.Person member(String name) {
        return org.member(name);
    }

    /** Creates an instant meeting with these extra fields; returns the meeting object. */
    JsonNode meeting(ChatFixture.Person host, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.putIfAbsent("title", "Weekly sync");
        var r = api.post("/api/v1/meetings", host.token(), body);
        if (r.status() != 201) throw new AssertionError("meeting creation failed: " + r);
        return r.json();
    }

    ChatClient connect(String token) throws Exception {
        return ChatClient.connect(port, token);
    }

    static Map<String, Object> join(String meetingId) {
        return Map.of("meetingId", meetingId, "audio", true, "video", true);
    }

    static Map<String, Object> join(String meetingId, String passcode) {
        return Map.of("meetingId", meetingId, "audio", true, "video", true, "passcode", passcode);
    }

    /** Joins and expects to be in; returns the answer's data. */
    static JsonNode joined(ChatClient c, String meetingId) throws Exception {
        JsonNode d = c.ok("meeting.join", join(meetingId));
        if (!"joined".equals(d.path("status").asText())) throw new AssertionError("not joined: " + d);
        return d;
    }

    static String selfId(JsonNode joinAnswer) {
        return joinAnswer.path("self").path("id").asText();
    }

    static String code(JsonNode res) {
        return res.path("error").path("code").asText();
    }

    /** The next push of this topic whose data matches, skipping others. */
    static JsonNode next(ChatClient c, String topic, java.util.function.Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode p = c.nextPush(topic, Math.max(1, deadline - System.currentTimeMillis()));
            if (p == null) return null;
            if (match.test(p)) return p;
        }
        return null;
    }

    /** Gives the organisation a plan with this meeting capacity (plans are operator-defined rows). */
    void meetingCapacity(int limit) {
        String plan = "tiny-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        TestServer.shared().database().db().use(h -> {
            h.createUpdate("insert into plans (id, name, quotas, sort_order) values (:id, 'Tiny', cast(:q as jsonb), 99)")
                    .bind("id", plan).bind("q", "{\"meetingCapacity\": " + limit + "}").execute();
            h.createUpdate("update organizations set plan_id = :p where id = cast(:org as uuid)").bind("p", plan).bind("org", org.tenant.orgId()).execute();
        });
    }
}
