package org.queqiao.messaging;

/**
 * Told, after commit and in each conversation's order, of every entry appended to a desk conversation;
 * the desk pushes it to the visitor and the agents and reacts to it (the bot answers, first-response
 * times are recorded). Runs on the log writer's thread: it must be quick and must not append itself.
 */
@FunctionalInterface
public interface DeskEntryListener {
    void entryAppended(Conversation conversation, Entry entry);
}
