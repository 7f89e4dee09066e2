package org.queqiao.desk;

import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.messaging.Conversation;
import org.queqiao.messaging.DeskEntryListener;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.EntryKind;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
    private static final int MAX_REMEMBERED = 100_000;
    private final Map<UUID, UUID> visitors = new java.util.concurrent.ConcurrentHashMap<>();

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
    public void entriesAppended(List<Entry> entries, Function<UUID, Conversation> conversationOf) {
        List<UUID> ids = entries.stream().map(Entry::conversationId).distinct().toList();
        Map<UUID, UUID> visitorOf = visitorsOf(ids, conversationOf);
        Map<UUID, List<UUID>> agentsOf = logs.agentsIn(ids);
        for (Entry e : entries) {
            Conversation chat = conversationOf.apply(e.conversationId());
            UUID visitorId = visitorOf.get(chat.id());
            if (visitorId == null) continue; // opened and written in one transaction; the desk row follows at once
            List<UUID> agents = agentsOf.getOrDefault(chat.id(), List.of());
            pushes.toVisitor(chat.orgId(), visitorId, DeskPushes.VISITOR_ENTRY, e);
            pushes.toAgents(chat.orgId(), agents, DeskPushes.DESK_ENTRY, e);
            if (!e.kind().isMessage() || e.senderId() == null) continue;
            if (visitorId.equals(e.senderId())) {
                Thread.ofVirtual().name("desk-visitor-said").start(() -> visitorSaid(chat, e));
            } else if (agents.contains(e.senderId())) {
                Thread.ofVirtual().start(() -> conversations.agentSpoke(chat.id(), e.createdAt()));
            }
        }
    }

    /** Off the log writer's thread: the bot answers while it has the conversation; with an agent, the response clock starts. */
    private void visitorSaid(Conversation chat, Entry e) {
        DeskConversation c = conversations.find(chat.orgId(), chat.id()).orElse(null);
        if (c == null) return;
        if (c.state() == ConversationState.BOT && e.kind() == EntryKind.TEXT) bot.visitorSaid(c, e);
        else if (c.state() == ConversationState.ASSIGNED) conversations.visitorSpoke(c.id(), e.createdAt());
    }

    /** A conversation's visitor never changes: remembered, so most batches cost no lookup here; the rest one query. */
    private Map<UUID, UUID> visitorsOf(List<UUID> ids, Function<UUID, Conversation> conversationOf) {
        Map<UUID, UUID> out = new java.util.HashMap<>();
        List<UUID> unknown = new java.util.ArrayList<>();
        for (UUID id : ids) {
            UUID v = visitors.get(id);
            if (v != null) out.put(id, v);
            else unknown.add(id);
        }
        if (!unknown.isEmpty()) {
            Map<UUID, UUID> found = conversations.visitorsOf(conversationOf.apply(unknown.getFirst()).orgId(), unknown);
            if (visitors.size() + found.size() > MAX_REMEMBERED) visitors.clear();
            visitors.putAll(found);
            out.putAll(found);
        }
        return out;
    }

    /** What {@link #state} says of a conversation just assigned to {@code agentId}. */
    static java.util.LinkedHashMap<String, Object> assigned(UUID conversationId, UUID agentId) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("conversationId", conversationId);
        m.put("state", ConversationState.ASSIGNED);
        m.put("agentId", agentId);
        return m;
    }

    static java.util.LinkedHashMap<String, Object> state(DeskConversation c) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("conversationId", c.id());
        m.put("state", c.state());
        if (c.agentId() != null && c.state() == ConversationState.ASSIGNED) m.put("agentId", c.agentId());
        return m;
    }
}
