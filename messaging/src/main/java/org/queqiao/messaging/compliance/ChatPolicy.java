package org.queqiao.messaging.compliance;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An organisation's chat compliance settings. {@code retentionDays} null keeps history forever.
 */
public record ChatPolicy(UUID orgId, Integer retentionDays, List<Word> sensitiveWords, UUID updatedBy, Instant updatedAt) {

    public static ChatPolicy defaults(UUID orgId) {
        return new ChatPolicy(orgId, null, List.of(), null, null);
    }

    /** A sensitive word and what happens to a message containing it. */
    public record Word(String word, Action action) {}

    public enum Action {
        /** The message is refused; the sender is told which words. */
        BLOCK,
        /** The word's characters are replaced by * in the stored message. */
        MASK;

        @JsonValue
        public String wire() { return name().toLowerCase(Locale.ROOT); }

        public static Action fromWire(String s) {
            for (Action a : values()) if (a.wire().equals(s)) return a;
            return null;
        }
    }
}
