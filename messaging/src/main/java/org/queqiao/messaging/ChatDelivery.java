package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.json.JsonText;
import org.queqiao.platform.realtime.Pushes;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells the members' devices what changed, after it is committed. Pushes are notifications: a device
 * that misses one catches up from its cursors (chat.sync), so a lost push never loses a message.
 * Topics and payloads are documented in docs/chat-protocol.md.
 */
final class ChatDelivery {
    static final String ENTRY = "chat.entry";
    static final String READ = "chat.read";
    static final String CONVERSATION = "chat.conversation";
    static final String REMOVED = "chat.removed";
    static final String TYPING = "chat.typing";

    private final Pushes pushes;
    private final ConversationStore conversations;
    private final int receiptPushMaxMembers;

    ChatDelivery(Pushes pushes, ConversationStore conversations, int receiptPushMaxMembers) {
        this.pushes = pushes;
        this.conversations = conversations;
        this.receiptPushMaxMembers = receiptPushMaxMembers;
    }

    /** Who is told of entries in desk conversations: the desk, which knows its visitors and agents (ADR 0010). */
    private volatile DeskEntryListener desk = (entries, conversationOf) -> { };

    void deskListener(DeskEntryListener listener) {
        this.desk = listener;
    }

    /** Every member's devices, the sender's included (their other devices learn of it this way). */
    void entryAppended(Conversation c, Entry e) {
        if (c.kind() == ConversationKind.DESK) {
            desk.entriesAppended(List.of(e), id -> c);
            return;
        }
        pushes.pushToMembers(c.orgId(), conversations.memberIds(c.id()), ENTRY, e);
    }

    /** A batch of entries, in order: one query for the members of all their conversations. */
    void entriesAppended(List<Entry> entries, java.util.function.Function<UUID, Conversation> conversationOf) {
        entriesAppended(entries, null, conversationOf);
    }

    /** Like {@link #entriesAppended(List, java.util.function.Function)}, pushing {@code json.get(i)}, entry i already serialised, when given. */
    void entriesAppended(List<Entry> entries, List<JsonText> json, java.util.function.Function<UUID, Conversation> conversationOf) {
        if (entries.isEmpty()) return;
        List<Entry> deskEntries = entries.stream().filter(e -> conversationOf.apply(e.conversationId()).kind() == ConversationKind.DESK).toList();
        if (!deskEntries.isEmpty()) desk.entriesAppended(deskEntries, conversationOf);
        if (deskEntries.size() == entries.size()) return;
        List<UUID> chats = entries.stream().filter(e -> conversationOf.apply(e.conversationId()).kind() != ConversationKind.DESK)
                .map(Entry::conversationId).distinct().toList();
        Map<UUID, List<UUID>> members = conversations.memberIds(chats);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Conversation c = conversationOf.apply(e.conversationId());
            Object payload = json == null ? e : json.get(i);
            if (c.kind() != ConversationKind.DESK) pushes.pushToMembers(c.orgId(), members.getOrDefault(e.conversationId(), List.of()), ENTRY, payload);
        }
    }

    /**
     * The reader's own devices always (read state syncs across devices); everyone in a direct chat or
     * a small group (their read receipts update live); in larger groups receipts are fetched on demand.
     */
    void readMoved(Conversation c, UUID memberId, long readSeq) {
        Map<String, Object> data = Map.of("conversationId", c.id(), "memberId", memberId, "readSeq", readSeq);
        if (c.kind() == ConversationKind.DIRECT || c.memberCount() <= receiptPushMaxMembers) {
            pushes.pushToMembers(c.orgId(), conversations.memberIds(c.id()), READ, data);
        } else {
            pushes.pushToMember(c.orgId(), memberId, READ, data);
        }
    }

    /** New members learn that the conversation exists (their lists show it at once). */
    void joined(Conversation c, Collection<UUID> memberIds) {
        pushes.pushToMembers(c.orgId(), memberIds, CONVERSATION, Map.of("conversationId", c.id(), "kind", c.kind()));
    }

    /** Removed members drop the conversation. */
    void removed(Conversation c, Collection<UUID> memberIds) {
        pushes.pushToMembers(c.orgId(), memberIds, REMOVED, Map.of("conversationId", c.id()));
    }

    void typing(Conversation c, UUID memberId, List<UUID> to) {
        pushes.pushToMembers(c.orgId(), to, TYPING, Map.of("conversationId", c.id(), "memberId", memberId));
    }
}
