package org.queqiao.desk;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a group picks among agents with room: the least busy (ties: longest idle), or each in turn. */
public enum RoutingMode {
    LEAST_BUSY, ROUND_ROBIN;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static RoutingMode fromWire(String s) {
        if (s == null) return null;
        for (RoutingMode m : values()) if (m.wire().equals(s)) return m;
        return null;
    }
}
