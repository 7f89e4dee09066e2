package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.server.MeetingFixture.code;
import static org.queqiao.server.MeetingFixture.joined;
import static org.queqiao.server.MeetingFixture.next;
import static org.queqiao.server.MeetingFixture.selfId;

/** 会管会控: every control operation, and who may not use it. */
class MeetingControlIT {
    private final ApiClient api = TestServer.client();

    /** host (the owner), a co-host-to-be and two attendees, all joined. */
    private record Room(String id, ChatClient host, ChatClient co, ChatClient a, ChatClient b, String hostP, String coP, String aP, String bP)
            implements AutoCloseable {
        Map<String, Object> on(Object... kv) {
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("meetingId", id);
            for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
            return m;
        }

        @Override
        public void close() {
            host.close();
            co.close();
            a.close();
            b.close();
        }
    }

    private Room room(String name) throws Exception {
        MeetingFixture f = new MeetingFixture(api, name);
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        ChatClient host = f.connect(f.owner().token());
        ChatClient co = f.connect(f.member("Co").token());
        ChatClient a = f.connect(f.member("Ann").token());
        ChatClient b = f.connect(f.member("Bob").token());
        String hp = selfId(joined(host, id));
        String cp = selfId(joined(co, id));
        String ap = selfId(joined(a, id));
        String bp = selfId(joined(b, id));
        return new Room(id, host, co, a, b, hp, cp, ap, bp);
    }

    @Test
    void muteAskToUnmuteStopVideoAndWhoMayDoIt() throws Exception {
        try (Room r = room("Control mute")) {
            // attendees cannot act on others
            assertThat(code(r.a.call("meeting.mute", r.on("participantId", r.bP)))).isEqualTo("host_or_cohost_required");
            assertThat(code(r.a.call("meeting.stop-video", r.on("participantId", r.bP)))).isEqualTo("host_or_cohost_required");
            assertThat(code(r.a.call("meeting.ask-unmute", r.on("participantId", r.bP)))).isEqualTo("host_or_cohost_required");

            // mute one without letting them unmute: they cannot, until asked
            r.host.ok("meeting.mute", r.on("participantId", r.aP, "allowUnmute", false));
            JsonNode muted = r.a.nextPush("meeting.muted", 3000);
            assertThat(muted.path("allowUnmute").asBoolean()).isFalse();
            assertThat(next(r.b, "meeting.participant", p -> p.path("participant").path("id").asText().equals(r.aP)
                    && !p.path("participant").path("audio").asBoolean())).isNotNull();
            assertThat(code(r.a.call("meeting.state", r.on("audio", true)))).isEqualTo("unmute_not_allowed");
            r.host.ok("meeting.ask-unmute", r.on("participantId", r.aP));
            assertThat(r.a.nextPush("meeting.unmute-requested", 3000)).isNotNull();
            r.a.ok("meeting.state", r.on("audio", true));

            // mute all (hosts keep their audio), letting people unmute
            r.host.ok("meeting.role", r.on("participantId", r.coP, "role", "cohost"));
            assertThat(r.host.ok("meeting.mute", r.on("all", true, "allowUnmute", true)).path("muted").asInt()).isEqualTo(2);
            assertThat(r.b.nextPush("meeting.muted", 3000).path("allowUnmute").asBoolean()).isTrue();
            assertThat(r.co.nextPush("meeting.muted", 300)).as("co-hosts are not muted by mute all").isNull();
            r.b.ok("meeting.state", r.on("audio", true));

            // stop video; the participant may turn it on again
            r.co.ok("meeting.stop-video", r.on("participantId", r.bP));
            assertThat(r.b.nextPush("meeting.video-stopped", 3000)).isNotNull();
            r.b.ok("meeting.state", r.on("video", true));

            // nobody but the host acts on the host
            assertThat(code(r.co.call("meeting.mute", r.on("participantId", r.hostP)))).isEqualTo("target_is_host");
            assertThat(code(r.co.call("meeting.remove", r.on("participantId", r.hostP)))).isEqualTo("target_is_host");
            assertThat(code(r.host.call("meeting.mute", r.on("participantId", java.util.UUID.randomUUID().toString())))).isEqualTo("no_such_participant");
            assertThat(code(r.host.call("meeting.mute", r.on()))).isEqualTo("required");
        }
    }

    @Test
    void rolesTransferSpotlightRenameHandsShareAndChat() throws Exception {
        try (Room r = room("Control roles")) {
            // only the host gives roles, hands over and ends
            assertThat(code(r.co.call("meeting.role", r.on("participantId", r.aP, "role", "cohost")))).isEqualTo("host_required");
            r.host.ok("meeting.role", r.on("participantId", r.coP, "role", "cohost"));
            assertThat(code(r.co.call("meeting.transfer-host", r.on("participantId", r.aP)))).isEqualTo("host_required");
            assertThat(code(r.co.call("meeting.end", r.on()))).isEqualTo("host_required");
            assertThat(code(r.host.call("meeting.role", r.on("participantId", r.aP, "role", "host")))).isEqualTo("invalid_value");
            assertThat(code(r.host.call("meeting.role", r.on("participantId", r.aP, "role", "boss")))).isEqualTo("invalid_value");

            // spotlight (co-hosts may)
            r.co.ok("meeting.spotlight", r.on("participantId", r.bP));
            JsonNode settings = next(r.a, "meeting.settings", s -> r.bP.equals(s.path("spotlight").asText()));
            assertThat(settings).isNotNull();
            assertThat(code(r.a.call("meeting.spotlight", r.on("participantId", r.aP)))).isEqualTo("host_or_cohost_required");
            r.co.ok("meeting.spotlight", r.on("participantId", null));
            assertThat(next(r.a, "meeting.settings", s -> s.path("spotlight").isNull())).isNotNull();

            // rename: myself, or a host renames others
            r.a.ok("meeting.rename", r.on("displayName", "Ann (phone)"));
            assertThat(next(r.b, "meeting.participant", p -> p.path("participant").path("displayName").asText().equals("Ann (phone)"))).isNotNull();
            assertThat(code(r.a.call("meeting.rename", r.on("participantId", r.bP, "displayName", "Bobby")))).isEqualTo("host_or_cohost_required");
            r.co.ok("meeting.rename", r.on("participantId", r.bP, "displayName", "Robert"));
            assertThat(code(r.a.call("meeting.rename", r.on("displayName", "")))).isEqualTo("required");

            // hands: raise my own; hosts lower anyone's, raise nobody's
            r.a.ok("meeting.hand", r.on("raised", true));
            assertThat(next(r.host, "meeting.participant", p -> p.path("participant").path("hand").asBoolean())).isNotNull();
            assertThat(code(r.b.call("meeting.hand", r.on("participantId", r.aP, "raised", false)))).isEqualTo("host_or_cohost_required");
            assertThat(code(r.host.call("meeting.hand", r.on("participantId", r.bP, "raised", true)))).isEqualTo("invalid_value");
            r.host.ok("meeting.hand", r.on("participantId", r.aP, "raised", false));
            assertThat(code(r.a.call("meeting.hand", r.on()))).isEqualTo("required");

            // one sharer at a time; hosts may stop it
            r.a.ok("meeting.share", r.on("sharing", true));
            assertThat(code(r.b.call("meeting.share", r.on("sharing", true)))).isEqualTo("share_in_progress");
            r.host.ok("meeting.share", r.on("participantId", r.aP, "sharing", false));
            r.b.ok("meeting.share", r.on("sharing", true));

            // in-meeting chat
            JsonNode at = r.a.ok("meeting.chat", r.on("text", "第一行\n第二行"));
            assertThat(at.path("at").asText()).isNotEmpty();
            JsonNode said = r.b.nextPush("meeting.chat", 3000);
            assertThat(said.path("from").asText()).isEqualTo(r.aP);
            assertThat(said.path("text").asText()).isEqualTo("第一行\n第二行");
            JsonNode tooLong = r.a.call("meeting.chat", r.on("text", "字".repeat(2001)));
            assertThat(code(tooLong)).isEqualTo("text_too_long");
            assertThat(tooLong.path("error").path("limit").asInt()).isEqualTo(2000);
            assertThat(code(r.a.call("meeting.chat", r.on("text", 42)))).isEqualTo("wrong_type");
            assertThat(code(r.a.call("meeting.chat", Map.of("text", "no meeting")))).isEqualTo("required");
            assertThat(code(r.a.call("meeting.chat", Map.of("meetingId", "nope", "text", "x")))).isEqualTo("invalid_id");

            // hand the host role over: the old host stays on as co-host
            r.host.ok("meeting.transfer-host", r.on("participantId", r.aP));
            assertThat(next(r.b, "meeting.participant", p -> p.path("participant").path("id").asText().equals(r.aP)
                    && p.path("participant").path("role").asText().equals("host"))).isNotNull();
            assertThat(code(r.host.call("meeting.end", r.on()))).isEqualTo("host_required");
            r.a.ok("meeting.end", r.on());
            for (ChatClient c : new ChatClient[]{r.host, r.co, r.b}) assertThat(c.nextPush("meeting.ended", 3000)).isNotNull();
            assertThat(code(r.b.call("meeting.join", MeetingFixture.join(r.id)))).isEqualTo("meeting_ended");
        }
    }

    @Test
    void aRemovedParticipantIsKeptOut() throws Exception {
        try (Room r = room("Control remove")) {
            assertThat(code(r.a.call("meeting.remove", r.on("participantId", r.bP)))).isEqualTo("host_or_cohost_required");
            assertThat(code(r.host.call("meeting.remove", r.on("participantId", r.hostP)))).isEqualTo("cannot_remove_self");
            r.host.ok("meeting.remove", r.on("participantId", r.bP));
            assertThat(r.b.nextPush("meeting.removed", 3000).path("reason").asText()).isEqualTo("removed");
            JsonNode left = next(r.a, "meeting.left", l -> l.path("participantId").asText().equals(r.bP));
            assertThat(left.path("reason").asText()).isEqualTo("removed");
            assertThat(code(r.b.call("meeting.join", MeetingFixture.join(r.id)))).isEqualTo("removed_from_meeting");
        }
    }

    @Test
    void unknownOpsAndMalformedDataAreProblemsToo() throws Exception {
        try (Room r = room("Control input")) {
            assertThat(code(r.a.call("meeting.dance", r.on()))).isEqualTo("unknown_op");
            assertThat(code(r.a.call("meeting.lock", r.on("locked", "yes")))).isEqualTo("wrong_type");
            assertThat(code(r.host.call("meeting.lock", r.on()))).isEqualTo("required");
            assertThat(code(r.a.call("meeting.join", Map.of("audio", true)))).isEqualTo("required");
            assertThat(code(r.a.call("meeting.state", r.on("audio", "loud", "extra", 1)))).isEqualTo("wrong_type");
            assertThat(r.a.call("meeting.state", r.on("video", false, "unknownField", 1)).path("ok").asBoolean()).isTrue();
            assertThat(code(r.a.call("meeting.join", Map.of("meetingId", java.util.UUID.randomUUID().toString())))).isEqualTo("not_found");
        }
    }
}
