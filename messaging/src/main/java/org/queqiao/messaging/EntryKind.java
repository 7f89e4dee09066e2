package org.queqiao.messaging;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What one entry of a conversation's log is. Messages are what people read; the other kinds change
 * an earlier message or the conversation, and take a sequence number too, so a device that resumes
 * from its cursor sees every edit, recall and reaction it missed, in order.
 */
public enum EntryKind {
    TEXT, FILE, IMAGE, CARD, SYSTEM, EDIT, RECALL, REACTION;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static EntryKind fromWire(String s) {
        for (EntryKind k : values()) if (k.wire().equals(s)) return k;
        return null;
    }

    /** Counts as unread and can be edited, recalled, replied to, reacted to and forwarded. */
    public boolean isMessage() { return this == TEXT || this == FILE || this == IMAGE || this == CARD; }
}
