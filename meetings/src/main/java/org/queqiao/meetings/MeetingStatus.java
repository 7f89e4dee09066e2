package org.queqiao.meetings;

import java.util.Locale;

/**
 * Where a meeting is in its life. {@code live} while someone is in it; when the last person leaves it
 * goes back to {@code scheduled} (it may be joined again); {@code ended} once the host ends it for
 * everyone — final, except for personal rooms, which open again on the next join.
 */
public enum MeetingStatus {
    SCHEDULED, LIVE, ENDED;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static MeetingStatus fromWire(String s) {
        for (MeetingStatus v : values()) if (v.wire().equals(s)) return v;
        return null;
    }
}
