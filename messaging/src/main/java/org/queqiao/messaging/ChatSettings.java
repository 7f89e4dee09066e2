package org.queqiao.messaging;

import org.queqiao.platform.config.Config;

import java.time.Duration;

/** The chat.* settings (documented in queqiao-defaults.properties). */
public record ChatSettings(int maxTextChars, Duration recallWindow, int maxGroupMembers, int sendRate, int sendBurst,
                           int syncPerConversation, int syncMaxConversations, int receiptPushMaxMembers, int typingMaxMembers, int writers, long maxFileBytes) {

    public static ChatSettings from(Config c) {
        ChatSettings s = new ChatSettings(c.integer("chat.max-text-chars"), c.duration("chat.recall-window"),
                c.integer("chat.max-group-members"), c.integer("chat.send-rate"), c.integer("chat.send-burst"),
                c.integer("chat.sync-per-conversation"), c.integer("chat.sync-max-conversations"),
                c.integer("chat.receipt-push-max-members"), c.integer("chat.typing-max-members"), c.integer("chat.writers"), c.longValue("chat.max-file-bytes"));
        require(s.maxTextChars >= 1, "chat.max-text-chars must be positive");
        require(s.maxGroupMembers >= 2, "chat.max-group-members must be at least 2");
        require(s.sendRate >= 1 && s.sendBurst >= 1, "chat.send-rate and chat.send-burst must be positive");
        require(s.syncPerConversation >= 1 && s.syncMaxConversations >= 1, "chat.sync-* must be positive");
        require(s.writers >= 1 && s.writers <= 64, "chat.writers must be 1..64");
        require(!s.recallWindow.isNegative(), "chat.recall-window must not be negative");
        return s;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new Config.ConfigException(message);
    }
}
