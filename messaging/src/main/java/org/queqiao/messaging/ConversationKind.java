package org.queqiao.messaging;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Direct chats have two members; groups are managed by people; department and all-staff groups follow the
 * directory; desk conversations belong to the customer-service desk (a visitor, the bot and the agents it
 * assigns; ADR 0010) and are changed only through {@link DeskLogs}.
 */
public enum ConversationKind {
    DIRECT, GROUP, DEPARTMENT, ALL_STAFF, DESK;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static ConversationKind fromWire(String s) {
        for (ConversationKind k : values()) if (k.wire().equals(s)) return k;
        throw new IllegalArgumentException("unknown conversation kind " + s);
    }

    /** Membership follows the directory; people cannot add, remove or leave. */
    public boolean followsDirectory() { return this == DEPARTMENT || this == ALL_STAFF; }
}
