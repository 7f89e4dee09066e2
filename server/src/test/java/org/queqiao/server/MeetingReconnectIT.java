package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.server.MeetingFixture.code;
import static org.queqiao.server.MeetingFixture.join;
import static org.queqiao.server.MeetingFixture.joined;
import static org.queqiao.server.MeetingFixture.next;
import static org.queqiao.server.MeetingFixture.selfId;

/**
 * A participant is a person: another device takes over, a dropped connection keeps its place for the
 * grace period (2 s in tests), the host's role passes on when the host does not come back; attendance
 * is recorded; offboarding takes a member out of every meeting.
 */
class MeetingReconnectIT {
    private final ApiClient api = TestServer.client();

    @Test
    void aSecondDeviceReplacesTheFirst() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Reconnect device");
        var ann = f.member("Ann");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        try (ChatClient host = f.connect(f.owner().token()); ChatClient laptop = f.connect(ann.token());
             ChatClient phone = f.connect(f.org.anotherDevice(ann))) {
            joined(host, id);
            String first = selfId(joined(laptop, id));
            laptop.ok("meeting.hand", Map.of("meetingId", id, "raised", true));
            JsonNode second = joined(phone, id);
            assertThat(selfId(second)).as("the same participant").isEqualTo(first);
            assertThat(second.path("participants")).hasSize(2);
            assertThat(second.path("self").path("hand").asBoolean()).isTrue();
            assertThat(laptop.nextPush("meeting.removed", 3000).path("reason").asText()).isEqualTo("joined_elsewhere");
            assertThat(code(laptop.call("meeting.chat", Map.of("meetingId", id, "text", "still here?")))).isEqualTo("not_in_meeting");
            phone.ok("meeting.chat", Map.of("meetingId", id, "text", "on my phone now"));
            assertThat(host.nextPush("meeting.chat", 3000).path("text").asText()).isEqualTo("on my phone now");
        }
    }

    @Test
    void comingBackWithinTheGraceRestoresRoleHandAndMute() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Reconnect grace");
        var ann = f.member("Ann");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        try (ChatClient host = f.connect(f.owner().token())) {
            joined(host, id);
            ChatClient first = f.connect(ann.token());
            String me = selfId(joined(first, id));
            host.ok("meeting.role", Map.of("meetingId", id, "participantId", me, "role", "cohost"));
            first.ok("meeting.hand", Map.of("meetingId", id, "raised", true));
            first.ok("meeting.state", Map.of("meetingId", id, "audio", false));
            first.kill();
            JsonNode dropped = next(host, "meeting.participant", p -> p.path("participant").path("id").asText().equals(me)
                    && p.path("participant").path("connection").asText().equals("reconnecting"));
            assertThat(dropped).isNotNull();

            try (ChatClient again = f.connect(ann.token())) {
                JsonNode back = joined(again, id);
                assertThat(selfId(back)).isEqualTo(me);
                assertThat(back.path("self").path("role").asText()).isEqualTo("cohost");
                assertThat(back.path("self").path("hand").asBoolean()).isTrue();
                assertThat(back.path("self").path("audio").asBoolean()).isFalse();
                assertThat(back.path("self").path("connection").asText()).isEqualTo("connected");
                assertThat(next(host, "meeting.participant", p -> p.path("participant").path("id").asText().equals(me)
                        && p.path("participant").path("connection").asText().equals("connected"))).isNotNull();
                Thread.sleep(2500); // past the grace: the old timer must not take the participant out
                assertThat(host.nextPush("meeting.left", 200)).isNull();
                again.ok("meeting.chat", Map.of("meetingId", id, "text", "still in"));
            }
        }
    }

    @Test
    void aHostWhoDoesNotComeBackLeavesWithTimeoutAndTheRolePassesOn() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Reconnect failover");
        var early = f.member("Early");
        var co = f.member("Co");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        ChatClient host = f.connect(f.owner().token());
        try (ChatClient e = f.connect(early.token()); ChatClient c = f.connect(co.token())) {
            String hostP = selfId(joined(host, id));
            String earlyP = selfId(joined(e, id));
            String coP = selfId(joined(c, id));
            host.ok("meeting.role", Map.of("meetingId", id, "participantId", coP, "role", "cohost"));
            host.kill();
            JsonNode left = next(e, "meeting.left", l -> l.path("participantId").asText().equals(hostP));
            assertThat(left).as("the host timed out after the grace").isNotNull();
            assertThat(left.path("reason").asText()).isEqualTo("timeout");
            JsonNode newHost = next(e, "meeting.participant", p -> p.path("participant").path("role").asText().equals("host"));
            assertThat(newHost.path("participant").path("id").asText()).as("a co-host before the longest present").isEqualTo(coP);

            // without co-hosts the member present longest takes over
            c.ok("meeting.leave", Map.of("meetingId", id));
            JsonNode next = next(e, "meeting.participant", p -> p.path("participant").path("role").asText().equals("host"));
            assertThat(next.path("participant").path("id").asText()).isEqualTo(earlyP);

            // the owner comes back and takes the role again; the stand-in stays a co-host
            try (ChatClient back = f.connect(f.owner().token())) {
                assertThat(joined(back, id).path("self").path("role").asText()).isEqualTo("host");
                assertThat(next(e, "meeting.participant", p -> p.path("participant").path("id").asText().equals(earlyP)
                        && p.path("participant").path("role").asText().equals("cohost"))).isNotNull();
            }
        }
    }

    @Test
    void attendanceIsRecordedForTheHostAndAdmins() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Attendance");
        var ann = f.member("Ann");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        try (ChatClient host = f.connect(f.owner().token()); ChatClient a = f.connect(ann.token())) {
            joined(host, id);
            joined(a, id);
            a.ok("meeting.leave", Map.of("meetingId", id));
            joined(a, id);
            host.ok("meeting.end", Map.of("meetingId", id));
        }
        var report = api.get("/api/v1/meetings/" + id + "/attendance", f.owner().token());
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.path("runs")).hasSize(1);
        assertThat(r.path("runs").get(0).path("endedAt").isNull()).isFalse();
        assertThat(r.path("items")).hasSize(3);
        assertThat(r.path("items").get(0).path("memberId").asText()).isEqualTo(f.owner().id());
        assertThat(r.path("items").get(0).path("reason").asText()).isEqualTo("ended");
        assertThat(r.path("items").get(1).path("displayName").asText()).isEqualTo("Ann");
        assertThat(r.path("items").get(1).path("reason").asText()).isEqualTo("left");
        for (JsonNode s : r.path("items")) {
            assertThat(s.path("leftAt").isNull()).isFalse();
            assertThat(s.path("participantMinutes").asInt()).isEqualTo(1);
            assertThat(Instant.parse(s.path("joinedAt").asText())).isBeforeOrEqualTo(Instant.parse(s.path("leftAt").asText()));
        }
        assertThat(api.get("/api/v1/meetings/" + id, f.owner().token()).json().path("status").asText()).isEqualTo("ended");
        assertThat(api.get("/api/v1/meetings/" + id + "/attendance", ann.token()).code()).isEqualTo("host_or_admin_required");
        var admin = api.post("/api/v1/members", f.owner().token(), Map.of("name", "Admin", "email", "adm." + java.util.UUID.randomUUID().toString()
                .substring(0, 8) + "@example.com", "role", "admin"));
        assertThat(admin.status()).isEqualTo(201);
        String adminToken = api.post("/api/v1/sessions", null, Map.of("email", admin.json().path("member").path("email").asText(),
                "password", admin.json().path("temporaryPassword").asText())).json().path("token").asText();
        assertThat(api.get("/api/v1/meetings/" + id + "/attendance?limit=2", adminToken).json().path("items")).hasSize(2);
    }

    @Test
    void offboardingTakesTheMemberOutOfMeetingsAndHandsTheirMeetingsOver() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Meeting offboarding");
        var leaver = f.member("Leaver");
        var heir = f.member("Heir");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        JsonNode planned = f.meeting(leaver, Map.of("title", "Leaver's planning", "startAt", Instant.now().plus(3, ChronoUnit.DAYS).toString(),
                "durationMinutes", 30));
        try (ChatClient host = f.connect(f.owner().token()); ChatClient l = f.connect(leaver.token())) {
            joined(host, id);
            String lp = selfId(joined(l, id));
            var r = api.post("/api/v1/members/" + leaver.id() + "/deactivate", f.owner().token(), Map.of("handoverTo", heir.id()));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode left = next(host, "meeting.left", x -> x.path("participantId").asText().equals(lp));
            assertThat(left).isNotNull();
            assertThat(left.path("reason").asText()).isEqualTo("removed");
        }
        JsonNode mine = api.get("/api/v1/meetings", heir.token()).json();
        assertThat(mine.path("items").findValuesAsText("id")).contains(planned.path("id").asText());
        assertThat(api.get("/api/v1/meetings/" + planned.path("id").asText(), heir.token()).json().path("hostId").asText()).isEqualTo(heir.id());
    }
}
