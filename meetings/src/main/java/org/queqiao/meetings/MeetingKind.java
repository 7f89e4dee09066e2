package org.queqiao.meetings;

import java.util.Locale;

/** Instant (start now), scheduled (a start and a duration) or a member's personal meeting room (same number forever). */
public enum MeetingKind {
    INSTANT, SCHEDULED, PERSONAL;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static MeetingKind fromWire(String s) {
        for (MeetingKind k : values()) if (k.wire().equals(s)) return k;
        return null;
    }
}
