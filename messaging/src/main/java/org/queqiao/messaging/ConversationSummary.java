package org.queqiao.messaging;

/**
 * A conversation as one member sees it in their list: with their role, read position and the
 * number of unread messages from others ({@code unread} stops counting at {@link #UNREAD_CAP}).
 */
public record ConversationSummary(Conversation conversation, Membership me, int unread, Entry lastEntry) {
    public static final int UNREAD_CAP = 100;
}
