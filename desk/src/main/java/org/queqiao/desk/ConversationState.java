package org.queqiao.desk;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a desk conversation is: with the bot, waiting in its group's queue, offered to an agent who has
 * not accepted yet, with an agent, closed, or missed (the visitor waited longer than the group's
 * maximum and was sent to the offline form).
 */
public enum ConversationState {
    BOT, QUEUED, OFFERED, ASSIGNED, CLOSED, MISSED;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static ConversationState fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean isOpen() { return this != CLOSED && this != MISSED; }

    /** Holds one of an agent's concurrent slots. */
    public boolean holdsSlot() { return this == OFFERED || this == ASSIGNED; }
}
