package org.queqiao.messaging;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A member's role in one conversation (not in the organisation). */
public enum ChatRole {
    OWNER, ADMIN, MEMBER;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static ChatRole fromWire(String s) {
        for (ChatRole r : values()) if (r.wire().equals(s)) return r;
        return null;
    }

    public boolean manages() { return this != MEMBER; }
}
