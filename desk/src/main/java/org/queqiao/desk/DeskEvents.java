package org.queqiao.desk;

import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.messaging.Conversation;
import org.queqiao.messaging.DeskEntryListener;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.EntryKind;

import java.util.List;
import java.util.Map;

/**
 * What happens when something is said in a desk conversation (after commit, in the log's order): the
 * visitor and the agents in it hear of it; a visitor's message starts a response clock or goes to the
 * bot; an agent's reply stops the clock. Pushes happen here, on the log writer's thread, so they keep
 * the log's order; the database updates and the bot run on virtual threads.
 */
final class DeskEvents implements DeskEntryListener {
    private final DeskConversationStore conversations;
    private final DeskLogs logs;
    private final DeskPushes pushes;
    private final VisitorSaid bot;

    /** Who answers a visitor while the bot has the conversation. */
    @FunctionalInterface
    interface VisitorSaid {
        void visitorSaid(DeskConversation c, Entry e);
    }

    DeskEvents(DeskConversationStore conversations, DeskLogs logs, DeskPushes pushes, VisitorSaid bot) {
        this.conversations = conversations;
        this.logs = logs;
        this.pushes = pushes;
        this.bot = bot;
    }

    @Override
    public void entryAppended(Conversation chat, Entry e) {
        DeskConversation c = conversations.find(chat.orgId(), chat.id()).orElse(null);
        if (c == null) return; // opened and written in one transaction; the desk row follows at once
        List<java.util.UUID> agents = logs.agentsIn(chat.id());
        pushes.toVisitor(c.orgId(), c.visitorId(), DeskPushes.VISITOR_ENTRY, e);
        pushes.toAgents(c.orgId(), agents, DeskPushes.DESK_ENTRY, e);
        if (!e.kind().isMessage()) return;
        boolean fromVisitor = c.visitorId().equals(e.senderId());
        if (fromVisitor && c.state() == ConversationState.BOT && e.kind() == EntryKind.TEXT) {
            Thread.ofVirtual().name("desk-bot").start(() -> bot.visitorSaid(c, e));
        } else if (fromVisitor && c.state() == ConversationState.ASSIGNED) {
            Thread.ofVirtual().start(() -> conversations.visitorSpoke(c.id(), e.createdAt()));
        } else if (c.state() == ConversationState.ASSIGNED && e.senderId() != null && e.senderId().equals(c.agentId())) {
            Thread.ofVirtual().start(() -> conversations.agentSpoke(c.id(), e.createdAt()));
        }
    }

    static java.util.LinkedHashMap<String, Object> state(DeskConversation c) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("conversationId", c.id());
        m.put("state", c.state());
        if (c.agentId() != null && c.state() == ConversationState.ASSIGNED) m.put("agentId", c.agentId());
        return m;
    }
}
