package org.queqiao.directory;

import java.util.Locale;

public enum MemberStatus {
    ACTIVE, DEACTIVATED;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static MemberStatus fromWire(String s) {
        for (MemberStatus v : values()) if (v.wire().equals(s)) return v;
        return null;
    }
}
