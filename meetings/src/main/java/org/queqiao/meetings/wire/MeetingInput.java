package org.queqiao.meetings.wire;

import org.queqiao.meetings.MeetingRequest;
import org.queqiao.platform.json.JsonFields;
import org.queqiao.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads meeting requests from JSON, the same way for HTTP bodies and realtime requests. */
public final class MeetingInput {
    private static final List<String> FIELDS = List.of("title", "startAt", "durationMinutes", "passcode", "settings");

    private MeetingInput() {}

    public static MeetingRequest meeting(JsonFields f) {
        Set<String> present = new HashSet<>();
        for (String field : FIELDS) if (f.has(field)) present.add(field);
        return new MeetingRequest(f.string("title"), instant(f, "startAt"), f.integer("durationMinutes"), f.string("passcode"),
                f.object("settings"), present);
    }

    static Instant instant(JsonFields f, String field) {
        String s = f.string(field);
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "invalid_time", field + " must be an ISO-8601 instant such as 2026-12-02T09:00:00Z");
        }
    }
}
