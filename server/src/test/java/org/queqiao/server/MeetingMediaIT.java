package org.queqiao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.server.MeetingFixture.code;
import static org.queqiao.server.MeetingFixture.joined;
import static org.queqiao.server.MeetingFixture.selfId;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The media.* operations over the real WebSocket (docs/meeting-protocol.md, "Media"): only people in the
 * meeting may negotiate, malformed signalling is refused with a stable code, and a subscriber's offers
 * follow who publishes. The media itself is proven in media's own tests and in the browser e2e.
 */
class MeetingMediaIT {
    private final ApiClient api = TestServer.client();

    /** A browser's publish offer in miniature: Opus and VP8 with RTX, sendonly, its own SSRCs. */
    private static String offer(int ssrcBase) {
        String t = "c=IN IP4 0.0.0.0\r\na=ice-ufrag:u" + ssrcBase + "\r\na=ice-pwd:client-password-abcdefghij\r\n"
                + "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB\r\na=setup:actpass\r\na=rtcp-mux\r\n";
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" + t + "a=mid:0\r\na=sendonly\r\na=rtpmap:111 opus/48000/2\r\na=ssrc:" + (ssrcBase + 1) + " cname:x\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n" + t + "a=mid:1\r\na=sendonly\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\n"
                + "a=fmtp:97 apt=96\r\na=ssrc-group:FID " + (ssrcBase + 2) + " " + (ssrcBase + 3) + "\r\na=ssrc:" + (ssrcBase + 2) + " cname:x\r\n";
    }

    private static Map<String, Object> publish(String meetingId, String sdp, List<Map<String, String>> tracks) {
        Map<String, Object> m = new HashMap<>();
        m.put("meetingId", meetingId);
        m.put("sdp", sdp);
        if (tracks != null) m.put("tracks", tracks);
        return m;
    }

    private static final List<Map<String, String>> MIC_AND_CAMERA =
            List.of(Map.of("mid", "0", "source", "microphone"), Map.of("mid", "1", "source", "camera"));

    @Test
    void onlyParticipantsNegotiateAndBadSignallingIsRefusedClearly() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Media signalling");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        try (ChatClient host = f.connect(f.owner().token()); ChatClient outsider = f.connect(f.member("Out").token())) {
            assertThat(code(outsider.call("media.publish", publish(id, offer(1000), MIC_AND_CAMERA)))).isEqualTo("not_in_meeting");
            assertThat(code(outsider.call("media.subscribe", Map.of("meetingId", id)))).isEqualTo("not_in_meeting");
            joined(host, id);

            assertThat(code(host.call("media.publish", publish(id, "this is not sdp", MIC_AND_CAMERA)))).isEqualTo("invalid_sdp");
            assertThat(code(host.call("media.publish", publish(id, offer(1000), null)))).isEqualTo("required");
            assertThat(code(host.call("media.publish", publish(id, offer(1000), List.of(Map.of("mid", "0", "source", "radio"))))))
                    .isEqualTo("invalid_source");
            assertThat(code(host.call("media.publish", publish(id, offer(1000),
                    List.of(Map.of("mid", "0", "source", "camera"), Map.of("mid", "1", "source", "camera")))))).isEqualTo("invalid_sdp");
            assertThat(code(host.call("media.publish", publish(id, "", MIC_AND_CAMERA)))).isEqualTo("required");
            assertThat(code(host.call("media.answer", Map.of("meetingId", id, "sdp", "v=0\r\n", "version", 1)))).isEqualTo("not_subscribed");
            assertThat(code(host.call("media.view", Map.of("meetingId", id, "cameras", List.of())))).isEqualTo("not_subscribed");
            host.ok("media.subscribe", Map.of("meetingId", id));
            assertThat(code(host.call("media.view", Map.of("meetingId", id)))).isEqualTo("required");
            assertThat(code(host.call("media.view", Map.of("meetingId", id, "cameras", List.of("someone"))))).isEqualTo("invalid_participant_id");
            List<String> tooMany = java.util.stream.Stream.generate(() -> java.util.UUID.randomUUID().toString()).limit(50).toList();
            assertThat(code(host.call("media.view", Map.of("meetingId", id, "cameras", tooMany)))).isEqualTo("too_many_cameras");
            host.ok("media.view", Map.of("meetingId", id, "cameras", tooMany.subList(0, 49)));
            String someone = tooMany.getFirst();
            assertThat(code(host.call("media.view", Map.of("meetingId", id, "cameras", List.of(someone), "heights", List.of(180))))).isEqualTo("invalid_heights");
            assertThat(code(host.call("media.view", Map.of("meetingId", id, "cameras", List.of(someone), "heights", Map.of(someone, 0))))).isEqualTo("invalid_height");
            assertThat(code(host.call("media.view", Map.of("meetingId", id, "cameras", List.of(someone), "heights", Map.of(someone, "tall"))))).isEqualTo("invalid_height");
            assertThat(code(host.call("media.view", Map.of("meetingId", id, "cameras", List.of(someone), "heights", Map.of("x", 180))))).isEqualTo("invalid_participant_id");
            host.ok("media.view", Map.of("meetingId", id, "cameras", List.of(someone), "heights", Map.of(someone, 360)));

            JsonNode answer = host.ok("media.publish", publish(id, offer(1000), MIC_AND_CAMERA));
            assertThat(answer.path("sdp").asText()).contains("a=ice-lite", "a=setup:passive", "a=recvonly");
        }
    }

    @Test
    void aSubscriberIsOfferedEveryoneElsesTracksAndThenTheNewcomers() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Media offers");
        String id = f.meeting(f.owner(), Map.of()).path("id").asText();
        try (ChatClient host = f.connect(f.owner().token()); ChatClient ann = f.connect(f.member("Ann").token());
             ChatClient bob = f.connect(f.member("Bob").token())) {
            String hostP = selfId(joined(host, id));
            joined(ann, id);
            String bobP = selfId(joined(bob, id));
            host.ok("media.publish", publish(id, offer(1000), MIC_AND_CAMERA));

            JsonNode first = ann.ok("media.subscribe", Map.of("meetingId", id));
            assertThat(first.path("version").asLong()).isEqualTo(1);
            assertThat(first.path("tracks").findValuesAsText("participantId")).containsOnly(hostP);
            assertThat(first.path("tracks").findValuesAsText("source")).containsExactlyInAnyOrder("microphone", "camera");

            // Bob publishes while Ann has not answered: her next offer comes once she answers.
            bob.ok("media.publish", publish(id, offer(2000), MIC_AND_CAMERA));
            assertThat(ann.nextPush("media.offer", 300)).isNull();
            ann.ok("media.answer", Map.of("meetingId", id, "sdp", answerTo(first.path("sdp").asText()), "version", 1));
            JsonNode second = ann.nextPush("media.offer", 3000);
            assertThat(second.path("version").asLong()).isEqualTo(2);
            assertThat(second.path("tracks").findValuesAsText("participantId")).containsOnly(hostP, bobP);

            // Bob leaves: his sections go inactive in Ann's next offer.
            ann.ok("media.answer", Map.of("meetingId", id, "sdp", answerTo(second.path("sdp").asText()), "version", 2));
            bob.ok("meeting.leave", Map.of("meetingId", id));
            JsonNode third = ann.nextPush("media.offer", 3000);
            assertThat(third.path("tracks").findValuesAsText("participantId")).containsOnly(hostP);
        }
    }

    /** What a browser answers to a subscribe offer: each section recvonly (inactive stays inactive). */
    private static String answerTo(String offerSdp) {
        StringBuilder out = new StringBuilder("v=0\r\no=- 2 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        for (String section : offerSdp.split("\r\nm=")) {
            if (!section.startsWith("audio") && !section.startsWith("video")) continue;
            String kind = section.substring(0, 5);
            String mid = section.replaceAll("(?s).*\r\na=mid:([^\r]*)\r\n.*", "$1");
            boolean inactive = section.contains("a=inactive");
            out.append("m=").append(kind).append(" 9 UDP/TLS/RTP/SAVPF ").append(kind.equals("audio") ? "111" : "96").append("\r\n")
                    .append("c=IN IP4 0.0.0.0\r\na=ice-ufrag:sub1\r\na=ice-pwd:client-password-abcdefghij\r\n")
                    .append("a=fingerprint:sha-256 ").append("CD:".repeat(31)).append("CD\r\na=setup:active\r\na=mid:").append(mid)
                    .append("\r\na=").append(inactive ? "inactive" : "recvonly").append("\r\na=rtcp-mux\r\n");
        }
        return out.toString();
    }
}
