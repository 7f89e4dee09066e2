package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.server.MeetingFixture.code;
import static org.queqiao.server.MeetingFixture.join;
import static org.queqiao.server.MeetingFixture.joined;
import static org.queqiao.server.MeetingFixture.selfId;

/** Getting into a meeting: passcode, waiting room, lock, capacity, guests by link and what a guest may not do. */
class MeetingJoinIT {
    private final ApiClient api = TestServer.client();

    @Test
    void theOwnerHostsMembersNeedThePasscodeAndEveryoneSeesArrivalsAndDepartures() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Join basics");
        var alice = f.member("Alice");
        JsonNode m = f.meeting(f.owner(), Map.of("passcode", "4321"));
        String id = m.path("id").asText();
        try (ChatClient host = f.connect(f.owner().token()); ChatClient a = f.connect(alice.token())) {
            JsonNode hostIn = host.ok("meeting.join", join(id)); // the owner needs no passcode
            assertThat(hostIn.path("self").path("role").asText()).isEqualTo("host");
            assertThat(hostIn.path("meeting").path("status").asText()).isEqualTo("live");
            assertThat(api.get("/api/v1/meetings/" + id, f.owner().token()).json().path("status").asText()).isEqualTo("live");

            assertThat(code(a.call("meeting.join", join(id)))).isEqualTo("passcode_required");
            JsonNode wrong = a.call("meeting.join", join(id, "0000"));
            assertThat(code(wrong)).isEqualTo("wrong_passcode");
            assertThat(wrong.path("error").path("field").asText()).isEqualTo("passcode");
            JsonNode in = a.ok("meeting.join", join(id, "4321"));
            assertThat(in.path("status").asText()).isEqualTo("joined");
            assertThat(in.path("self").path("role").asText()).isEqualTo("attendee");
            assertThat(in.path("self").path("displayName").asText()).isEqualTo("Alice");
            assertThat(in.path("self").path("connection").asText()).isEqualTo("connected");
            assertThat(in.path("participants")).hasSize(2);
            assertThat(in.path("meeting").path("passcode").asText()).as("members see the passcode").isEqualTo("4321");

            JsonNode arrived = MeetingFixture.next(host, "meeting.participant", p -> p.path("participant").path("displayName").asText().equals("Alice"));
            assertThat(arrived).isNotNull();
            assertThat(arrived.path("meetingId").asText()).isEqualTo(id);
            assertThat(arrived.path("participant").path("audio").asBoolean()).isTrue();

            a.ok("meeting.leave", Map.of("meetingId", id));
            JsonNode left = host.nextPush("meeting.left", 3000);
            assertThat(left.path("participantId").asText()).isEqualTo(selfId(in));
            assertThat(left.path("reason").asText()).isEqualTo("left");
            assertThat(code(a.call("meeting.chat", Map.of("meetingId", id, "text", "hi")))).isEqualTo("not_in_meeting");
        }
    }

    @Test
    void wrongPasscodesAreThrottledPerCaller() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Join throttle");
        var guesser = f.member("Guesser");
        String id = f.meeting(f.owner(), Map.of("passcode", "77777")).path("id").asText();
        try (ChatClient g = f.connect(guesser.token())) {
            for (int i = 0; i < 5; i++) assertThat(code(g.call("meeting.join", join(id, "1000" + i)))).isEqualTo("wrong_passcode");
            JsonNode throttled = g.call("meeting.join", join(id, "77777"));
            assertThat(code(throttled)).as("even the right one, until the window passes").isEqualTo("passcode_throttled");
            assertThat(throttled.path("error").path("retryAfterSeconds").asLong()).isPositive();
        }
    }

    @Test
    void theWaitingRoomLetsHostsAdmitAndDenyOneByOneOrAll() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Join waiting");
        var p1 = f.member("P1");
        var p2 = f.member("P2");
        var p3 = f.member("P3");
        var p4 = f.member("P4");
        String id = f.meeting(f.owner(), Map.of("settings", Map.of("waitingRoom", true))).path("id").asText();
        try (ChatClient host = f.connect(f.owner().token()); ChatClient c1 = f.connect(p1.token()); ChatClient c2 = f.connect(p2.token());
             ChatClient c3 = f.connect(p3.token()); ChatClient c4 = f.connect(p4.token())) {
            joined(host, id);
            assertThat(c1.ok("meeting.join", join(id)).path("status").asText()).isEqualTo("waiting");
            JsonNode waiting = host.nextPush("meeting.waiting", 3000);
            assertThat(waiting.path("waiting")).hasSize(1);
            String w1 = waiting.path("waiting").get(0).path("id").asText();
            assertThat(waiting.path("waiting").get(0).path("displayName").asText()).isEqualTo("P1");
            // a waiting person can do nothing in the meeting yet
            assertThat(code(c1.call("meeting.chat", Map.of("meetingId", id, "text", "let me in")))).isEqualTo("not_in_meeting");

            JsonNode admitted = host.ok("meeting.admit", Map.of("meetingId", id, "participantIds", List.of(w1)));
            assertThat(admitted.path("admitted")).hasSize(1);
            JsonNode in = c1.nextPush("meeting.admitted", 3000);
            assertThat(in.path("status").asText()).isEqualTo("joined");
            assertThat(in.path("self").path("id").asText()).isEqualTo(w1);
            assertThat(in.path("participants")).hasSize(2);

            c2.ok("meeting.join", join(id));
            c3.ok("meeting.join", join(id));
            c4.ok("meeting.join", join(id));
            JsonNode three = MeetingFixture.next(host, "meeting.waiting", p -> p.path("waiting").size() == 3);
            assertThat(three).isNotNull();
            String w2 = three.path("waiting").get(0).path("id").asText();
            // attendees cannot open the door
            assertThat(code(c1.call("meeting.admit", Map.of("meetingId", id, "all", true)))).isEqualTo("host_or_cohost_required");
            assertThat(host.ok("meeting.deny", Map.of("meetingId", id, "participantIds", List.of(w2))).path("denied").asInt()).isEqualTo(1);
            assertThat(c2.nextPush("meeting.denied", 3000)).isNotNull();
            assertThat(host.ok("meeting.admit", Map.of("meetingId", id, "all", true)).path("admitted")).hasSize(2);
            assertThat(c3.nextPush("meeting.admitted", 3000)).isNotNull();
            assertThat(c4.nextPush("meeting.admitted", 3000)).isNotNull();
            assertThat(code(host.call("meeting.admit", Map.of("meetingId", id)))).isEqualTo("required");
        }
    }

    @Test
    void aLockedMeetingTakesNobodyNewAndAFullOneNamesTheQuota() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Join lock");
        f.meetingCapacity(2);
        var a = f.member("A");
        var b = f.member("B");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        try (ChatClient host = f.connect(f.owner().token()); ChatClient ca = f.connect(a.token()); ChatClient cb = f.connect(b.token())) {
            joined(host, id);
            host.ok("meeting.lock", Map.of("meetingId", id, "locked", true));
            assertThat(host.nextPush("meeting.settings", 3000).path("locked").asBoolean()).isTrue();
            assertThat(code(ca.call("meeting.join", join(id)))).isEqualTo("meeting_locked");
            assertThat(api.get("/api/v1/meetings/" + id, a.token()).json().path("locked").asBoolean()).isTrue();
            host.ok("meeting.lock", Map.of("meetingId", id, "locked", false));
            joined(ca, id);
            JsonNode full = cb.call("meeting.join", join(id));
            assertThat(code(full)).isEqualTo("meeting_full");
            assertThat(full.path("error").path("quota").asText()).isEqualTo("meetingCapacity");
            assertThat(full.path("error").path("limit").asInt()).isEqualTo(2);
            assertThat(full.path("error").path("status").asInt()).isEqualTo(403);
        }
    }

    @Test
    void guestsJoinByLinkAndCanDoNothingElse() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Join guests");
        JsonNode open = f.meeting(f.owner(), Map.of("passcode", "5555", "settings", Map.of("allowGuests", true)));
        JsonNode closed = f.meeting(f.owner(), Map.of("title", "Members only"));
        JsonNode other = f.meeting(f.owner(), Map.of("title", "Other", "settings", Map.of("allowGuests", true)));
        String number = open.path("number").asText();
        String gs = "/api/v1/meetings/guest-sessions";
        assertThat(api.post(gs, null, Map.of("number", number, "displayName", "Visitor")).code()).isEqualTo("passcode_required");
        assertThat(api.post(gs, null, Map.of("number", number, "passcode", "1", "displayName", "Visitor")).code()).isEqualTo("wrong_passcode");
        assertThat(api.post(gs, null, Map.of("number", closed.path("number").asText(), "displayName", "Visitor")).code()).isEqualTo("guests_not_allowed");
        assertThat(api.post(gs, null, Map.of("number", "999999999", "displayName", "Visitor")).status()).isEqualTo(404);
        var pass = api.post(gs, null, Map.of("number", number, "passcode", "5555", "displayName", "Visitor 访客"));
        assertThat(pass.status()).as(pass.toString()).isEqualTo(201);
        String token = pass.json().path("token").asText();
        assertThat(pass.json().path("meetingId").asText()).isEqualTo(open.path("id").asText());

        // no HTTP API at all
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/meetings/" + open.path("id").asText(), token).status()).isEqualTo(401);
        try (ChatClient host = f.connect(f.owner().token()); ChatClient guest = f.connect(token)) {
            joined(host, open.path("id").asText());
            // no chat, no presence: only meeting.* and media.*, and only for this meeting
            assertThat(code(guest.call("chat.send", Map.of("conversationId", java.util.UUID.randomUUID().toString(), "clientMsgId", "x", "text", "hi"))))
                    .isEqualTo("guest_not_allowed");
            assertThat(code(guest.call("presence.query", Map.of("memberIds", List.of(f.owner().id()))))).isEqualTo("guest_not_allowed");
            assertThat(code(guest.call("meeting.join", join(other.path("id").asText())))).isEqualTo("not_found");
            JsonNode in = joined(guest, open.path("id").asText());
            assertThat(in.path("self").path("guest").asBoolean()).isTrue();
            assertThat(in.path("self").path("memberId").isNull()).isTrue();
            assertThat(in.path("self").path("displayName").asText()).isEqualTo("Visitor 访客");
            assertThat(in.path("meeting").has("passcode")).as("guests never see the passcode").isFalse();
            JsonNode seen = MeetingFixture.next(host, "meeting.participant", p -> p.path("participant").path("guest").asBoolean());
            assertThat(seen).isNotNull();
            // a guest cannot be made co-host, and cannot run the meeting
            String guestId = selfId(in);
            assertThat(code(host.call("meeting.role", Map.of("meetingId", open.path("id").asText(), "participantId", guestId, "role", "cohost"))))
                    .isEqualTo("guests_cannot_host");
            assertThat(code(guest.call("meeting.lock", Map.of("meetingId", open.path("id").asText(), "locked", true)))).isEqualTo("host_or_cohost_required");
            guest.ok("meeting.chat", Map.of("meetingId", open.path("id").asText(), "text", "hello from outside"));
            assertThat(host.nextPush("meeting.chat", 3000).path("text").asText()).isEqualTo("hello from outside");

            // the host ends the meeting: the pass is worthless from then on
            host.ok("meeting.end", Map.of("meetingId", open.path("id").asText()));
            assertThat(guest.nextPush("meeting.ended", 3000)).isNotNull();
        }
        RealtimeClient late = RealtimeClient.connect(f.port, token);
        JsonNode frame = late.next(5000);
        assertThat(frame.path("code").asText()).isEqualTo("auth_failed");
    }
}
