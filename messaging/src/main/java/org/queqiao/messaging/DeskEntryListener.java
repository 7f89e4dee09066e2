package org.queqiao.messaging;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Told, after commit and in each conversation's order, of the entries appended to desk conversations
 * (a whole group-commit batch at once, so the desk can look up what it needs for all of them in one
 * query); the desk pushes them to the visitor and the agents and reacts (the bot answers, response
 * clocks run). Runs on the thread that stored them — often the log writer's: it must be quick and
 * must not append itself.
 */
@FunctionalInterface
public interface DeskEntryListener {
    void entriesAppended(List<Entry> entries, Function<UUID, Conversation> conversationOf);
}
