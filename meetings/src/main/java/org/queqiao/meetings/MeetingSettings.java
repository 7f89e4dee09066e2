package org.queqiao.meetings;

import org.queqiao.platform.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the host chose for a meeting.
 *
 * @param allowGuests     people outside the organisation may join by link with a display name
 * @param waitingRoom     everyone but the meeting's owner waits until a host admits them
 * @param muteOnEntry     people join muted
 * @param allowSelfUnmute people muted on entry may unmute themselves
 */
public record MeetingSettings(boolean allowGuests, boolean waitingRoom, boolean muteOnEntry, boolean allowSelfUnmute) {
    public static final MeetingSettings DEFAULTS = new MeetingSettings(false, false, false, true);

    /** These settings with the fields present in {@code changes} replaced (unknown keys are ignored). */
    public MeetingSettings with(Map<String, Object> changes) {
        if (changes == null) return this;
        return new MeetingSettings(flag(changes, "allowGuests", allowGuests), flag(changes, "waitingRoom", waitingRoom),
                flag(changes, "muteOnEntry", muteOnEntry), flag(changes, "allowSelfUnmute", allowSelfUnmute));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("allowGuests", allowGuests);
        v.put("waitingRoom", waitingRoom);
        v.put("muteOnEntry", muteOnEntry);
        v.put("allowSelfUnmute", allowSelfUnmute);
        return v;
    }

    private static boolean flag(Map<String, Object> changes, String key, boolean current) {
        if (!changes.containsKey(key) || changes.get(key) == null) return current;
        if (!(changes.get(key) instanceof Boolean b)) {
            throw ProblemException.invalid("settings." + key, "wrong_type", "settings." + key + " must be true or false");
        }
        return b;
    }
}
