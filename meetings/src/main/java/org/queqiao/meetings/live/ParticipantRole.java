package org.queqiao.meetings.live;

import java.util.Locale;

/** A participant's role in a live meeting. "Hosts" in the protocol means host and co-hosts. */
public enum ParticipantRole {
    HOST, COHOST, ATTENDEE;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static ParticipantRole fromWire(String s) {
        for (ParticipantRole r : values()) if (r.wire().equals(s)) return r;
        return null;
    }
}
