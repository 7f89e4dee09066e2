package org.queqiao.meetings;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A meeting as a client asks to create or change it. {@code present} names the fields the request
 * had, so a change can tell "leave alone" (absent) from "clear" (null), e.g. removing a passcode.
 */
public record MeetingRequest(String title, Instant startAt, Integer durationMinutes, String passcode, Map<String, Object> settings,
                             Set<String> present) {
    public boolean has(String field) {
        return present.contains(field);
    }
}
