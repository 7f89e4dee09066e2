package org.queqiao.desk;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Online agents are routed to; away agents keep their conversations but get no new ones; offline agents neither. */
public enum AgentStatus {
    ONLINE, AWAY, OFFLINE;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static AgentStatus fromWire(String s) {
        if (s == null) return null;
        for (AgentStatus a : values()) if (a.wire().equals(s)) return a;
        return null;
    }
}
