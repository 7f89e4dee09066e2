package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Meetings over HTTP: create and schedule, numbers, look-up, invite file, chat card, personal room, changes, tenancy, bad input. */
class MeetingsIT {
    private final ApiClient api = TestServer.client();

    @Test
    void instantAndScheduledMeetingsHaveNumbersLinksAndPasscodesForMembersOnly() {
        MeetingFixture f = new MeetingFixture(api, "Meetings REST");
        var host = f.owner();
        var colleague = f.member("Colleague");
        JsonNode instant = f.meeting(host, Map.of("title", "Stand-up", "passcode", "123456"));
        assertThat(instant.path("kind").asText()).isEqualTo("instant");
        assertThat(instant.path("number").asText()).matches("[1-9][0-9]{8}");
        assertThat(instant.path("numberDisplay").asText()).matches("[1-9][0-9]{2} [0-9]{3} [0-9]{3}");
        assertThat(instant.path("inviteUrl").asText()).isEqualTo(api.base() + "/join/" + instant.path("number").asText());
        assertThat(instant.path("hasPasscode").asBoolean()).isTrue();
        assertThat(instant.path("passcode").asText()).isEqualTo("123456");
        assertThat(instant.path("capacity").asInt()).as("the free plan's meetingCapacity").isEqualTo(100);
        assertThat(instant.path("status").asText()).isEqualTo("scheduled");
        assertThat(instant.path("settings").path("allowSelfUnmute").asBoolean()).isTrue();

        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode scheduled = f.meeting(host, Map.of("title", "Planning; Q3, \"big\"", "startAt", start.toString(), "durationMinutes", 90,
                "settings", Map.of("allowGuests", true, "waitingRoom", true, "unknownSetting", 1)));
        assertThat(scheduled.path("kind").asText()).isEqualTo("scheduled");
        assertThat(scheduled.path("startAt").asText()).isEqualTo(start.toString());
        assertThat(scheduled.path("settings").path("allowGuests").asBoolean()).isTrue();
        assertThat(scheduled.path("number").asText()).isNotEqualTo(instant.path("number").asText());

        // any member reads it, passcode included; the list is the host's, by start
        JsonNode read = api.get("/api/v1/meetings/" + instant.path("id").asText(), colleague.token()).json();
        assertThat(read.path("passcode").asText()).isEqualTo("123456");
        var mine = api.get("/api/v1/meetings?limit=1", host.token()).json();
        assertThat(mine.path("items")).hasSize(1);
        var rest = api.get("/api/v1/meetings?limit=5&cursor=" + mine.path("nextCursor").asText(), host.token()).json();
        assertThat(rest.path("items")).hasSize(1);
        assertThat(List.of(mine.path("items").get(0).path("id").asText(), rest.path("items").get(0).path("id").asText()))
                .containsExactly(instant.path("id").asText(), scheduled.path("id").asText());
        assertThat(api.get("/api/v1/meetings", colleague.token()).json().path("items")).isEmpty();

        // the public look-up tells only the summary, by number with or without spaces
        var lookup = api.get("/api/v1/meetings/lookup/" + instant.path("numberDisplay").asText().replace(" ", "%20"), null);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().path("title").asText()).isEqualTo("Stand-up");
        assertThat(lookup.json().path("hasPasscode").asBoolean()).isTrue();
        assertThat(lookup.json().path("organization").asText()).isEqualTo("Meetings REST");
        assertThat(lookup.body()).doesNotContain("123456").doesNotContain("passcode\"");
        assertThat(api.get("/api/v1/meetings/lookup/000000000", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/meetings/lookup/12345", null).status()).isEqualTo(404);
    }

    @Test
    void theInviteFileIsValidICalendar() {
        MeetingFixture f = new MeetingFixture(api, "Meetings ICS");
        Instant start = Instant.parse("2031-12-02T09:00:00Z");
        JsonNode m = f.meeting(f.owner(), Map.of("title", "Budget; review, part\\1 final 中文标题 " + "x".repeat(80),
                "startAt", start.toString(), "durationMinutes", 45, "passcode", "2468"));
        var r = api.getBytes("/api/v1/meetings/" + m.path("id").asText() + "/invite.ics", f.owner().token());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String ics = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        for (String line : ics.split("\r\n")) assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("UID:" + m.path("id").asText() + "@")
                .contains("DTSTART:20311202T090000Z\r\n").contains("DTEND:20311202T094500Z\r\n")
                .contains("SUMMARY:Budget\\; review\\, part\\\\1 final 中文标题")
                .contains("URL:" + m.path("inviteUrl").asText() + "\r\n")
                .contains("\\nPasscode: 2468\\nJoin: ").contains("DTSTAMP:");
    }

    @Test
    void theMeetingCardIsAChatEntryOfKindCard() throws Exception {
        MeetingFixture f = new MeetingFixture(api, "Meetings card");
        var host = f.owner();
        var peer = f.member("Peer");
        String chat = f.org.direct(host, peer);
        JsonNode m = f.meeting(host, Map.of("title", "Design review"));
        try (ChatClient c = ChatClient.connect(f.port, peer.token())) {
            var posted = api.post("/api/v1/meetings/" + m.path("id").asText() + "/card", host.token(), Map.of("conversationId", chat));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            JsonNode entry = posted.json().path("entry");
            assertThat(entry.path("kind").asText()).isEqualTo("card");
            JsonNode card = entry.path("body").path("card");
            assertThat(card.path("type").asText()).isEqualTo("meeting");
            assertThat(card.path("meetingId").asText()).isEqualTo(m.path("id").asText());
            assertThat(card.path("number").asText()).isEqualTo(m.path("number").asText());
            assertThat(card.path("title").asText()).isEqualTo("Design review");
            assertThat(card.has("startAt")).isTrue();
            assertThat(c.nextPush("chat.entry", 3000)).as("the peer gets the card like any message").isNotNull();
        }
        // the chat's rules apply: someone outside the conversation cannot post into it
        var outsider = f.member("Outsider");
        var refused = api.post("/api/v1/meetings/" + m.path("id").asText() + "/card", outsider.token(), Map.of("conversationId", chat));
        assertThat(refused.status()).isIn(403, 404);
    }

    @Test
    void thePersonalRoomKeepsItsNumberAndOnlyTheHostChangesOrCancels() {
        MeetingFixture f = new MeetingFixture(api, "Meetings personal");
        var host = f.owner();
        var other = f.member("Other");
        JsonNode room = api.get("/api/v1/meetings/personal-room", host.token()).json();
        assertThat(room.path("kind").asText()).isEqualTo("personal");
        assertThat(api.get("/api/v1/meetings/personal-room", host.token()).json().path("number").asText()).isEqualTo(room.path("number").asText());
        assertThat(api.get("/api/v1/meetings/personal-room", other.token()).json().path("number").asText()).isNotEqualTo(room.path("number").asText());
        assertThat(api.delete("/api/v1/meetings/" + room.path("id").asText(), host.token()).code()).isEqualTo("personal_room");

        JsonNode m = f.meeting(host, Map.of("title", "Old", "passcode", "1111"));
        String path = "/api/v1/meetings/" + m.path("id").asText();
        assertThat(api.patch(path, other.token(), Map.of("title", "Hijacked")).code()).isEqualTo("host_required");
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("title", "New");
        change.put("passcode", null);
        change.put("settings", Map.of("muteOnEntry", true));
        var changed = api.patch(path, host.token(), change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("title").asText()).isEqualTo("New");
        assertThat(changed.json().path("hasPasscode").asBoolean()).isFalse();
        assertThat(changed.json().path("settings").path("muteOnEntry").asBoolean()).isTrue();
        assertThat(api.patch(path, host.token(), Map.of("startAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).code()).isEqualTo("not_scheduled");
        assertThat(api.delete(path, other.token()).code()).isEqualTo("host_required");
        assertThat(api.delete(path, host.token()).status()).isEqualTo(204);
        assertThat(api.get(path, host.token()).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganisationsMeetingsAreNotFoundButTheirNumberGivesThePublicSummary() throws Exception {
        MeetingFixture a = new MeetingFixture(api, "Meetings tenant A");
        MeetingFixture b = new MeetingFixture(api, "Meetings tenant B");
        JsonNode secret = b.meeting(b.owner(), Map.of("title", "Secret board meeting", "passcode", "9876"));
        String id = secret.path("id").asText();
        String token = a.owner().token();
        for (var r : List.of(api.get("/api/v1/meetings/" + id, token), api.patch("/api/v1/meetings/" + id, token, Map.of("title", "x")),
                api.delete("/api/v1/meetings/" + id, token), api.get("/api/v1/meetings/" + id + "/invite.ics", token),
                api.get("/api/v1/meetings/" + id + "/attendance", token),
                api.post("/api/v1/meetings/" + id + "/card", token, Map.of("conversationId", java.util.UUID.randomUUID().toString())))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("9876").doesNotContain("Secret");
        }
        try (ChatClient c = ChatClient.connect(a.port, token)) {
            JsonNode res = c.call("meeting.join", MeetingFixture.join(id, "9876"));
            assertThat(MeetingFixture.code(res)).isEqualTo("not_found");
            assertThat(MeetingFixture.code(c.call("meeting.mute", Map.of("meetingId", id, "all", true)))).isEqualTo("not_found");
        }
        JsonNode summary = api.get("/api/v1/meetings/lookup/" + secret.path("number").asText(), token).json();
        assertThat(summary.path("id").asText()).isEqualTo(id);
        assertThat(summary.has("passcode")).isFalse();
        assertThat(summary.has("hostId")).isFalse();
    }

    @Test
    void badInputIsAProblemWithAStableCodeNeverA500() {
        MeetingFixture f = new MeetingFixture(api, "Meetings input");
        String t = f.owner().token();
        assertThat(api.post("/api/v1/meetings", t, Map.of("title", 5)).code()).isEqualTo("wrong_type");
        assertThat(api.post("/api/v1/meetings", t, Map.of("passcode", 1234)).code()).isEqualTo("wrong_type");
        assertThat(api.post("/api/v1/meetings", t, Map.of("passcode", "12a4")).code()).isEqualTo("invalid_passcode");
        assertThat(api.post("/api/v1/meetings", t, Map.of("passcode", "123")).code()).isEqualTo("invalid_passcode");
        assertThat(api.post("/api/v1/meetings", t, Map.of("startAt", "tomorrow", "durationMinutes", 30)).code()).isEqualTo("invalid_time");
        assertThat(api.post("/api/v1/meetings", t, Map.of("startAt", "2030-01-01T10:00:00Z")).code()).isEqualTo("required");
        assertThat(api.post("/api/v1/meetings", t, Map.of("startAt", "2030-01-01T10:00:00Z", "durationMinutes", 0)).code()).isEqualTo("out_of_range");
        assertThat(api.post("/api/v1/meetings", t, Map.of("startAt", "2001-01-01T10:00:00Z", "durationMinutes", 10)).code()).isEqualTo("start_in_past");
        assertThat(api.post("/api/v1/meetings", t, Map.of("settings", Map.of("waitingRoom", "yes"))).code()).isEqualTo("wrong_type");
        assertThat(api.post("/api/v1/meetings", t, Map.of("settings", true)).code()).isEqualTo("wrong_type");
        assertThat(api.post("/api/v1/meetings", t, "[1,2]").code()).isEqualTo("not_an_object");
        assertThat(api.post("/api/v1/meetings", t, "{").code()).isEqualTo("malformed_json");
        assertThat(api.post("/api/v1/meetings", t, Map.of("title", "x".repeat(201))).code()).isEqualTo("length");
        var created = api.post("/api/v1/meetings", t, Map.of("title", "Fine", "somethingNew", true));
        assertThat(created.status()).as("unknown fields are ignored").isEqualTo(201);
        assertThat(api.get("/api/v1/meetings/not-a-uuid", t).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/meetings/" + created.json().path("id").asText() + "/card", t, Map.of()).code()).isEqualTo("required");
        assertThat(api.post("/api/v1/meetings", null, Map.of()).code()).isEqualTo("auth_required");
        assertThat(api.post("/api/v1/meetings/guest-sessions", null, Map.of("number", "123456789")).code()).isEqualTo("required");
        assertThat(api.post("/api/v1/meetings/guest-sessions", null, Map.of("number", 123456789, "displayName", "G")).code()).isEqualTo("wrong_type");
        assertThat(api.get("/api/v1/meetings?cursor=@@@", t).code()).isEqualTo("invalid_cursor");
    }
}
