package org.queqiao.platform.auth;

import java.util.Locale;

/** A member's role in their organisation. Guests are outside contacts with the least access. */
public enum Role {
    OWNER, ADMIN, MEMBER, GUEST;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static Role fromWire(String s) {
        if (s == null) return null;
        for (Role r : values()) if (r.wire().equals(s)) return r;
        return null;
    }
}
