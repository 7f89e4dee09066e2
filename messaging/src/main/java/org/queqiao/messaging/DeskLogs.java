package org.queqiao.messaging;

import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;
import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.messaging.store.MessageStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The chat log as the customer-service desk uses it (ADR 0010). A desk conversation is a conversation
 * of kind {@code desk}: the visitor and the bot post without being members (same numbering, same
 * idempotent resends, acknowledged only after commit); the agent the desk assigns becomes a member and
 * sees the whole log, so the transcript travels with the handoff. Its entries are not pushed as
 * {@code chat.entry}: the {@link DeskEntryListener} decides who hears of them.
 */
public final class DeskLogs {
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final Appender appender;
    private final MessageRules rules;
    private final ChatDelivery delivery;
    private final Transactor tx;

    DeskLogs(ConversationStore conversations, MessageStore messages, Appender appender, MessageRules rules, ChatDelivery delivery, Transactor tx) {
        this.conversations = conversations;
        this.messages = messages;
        this.appender = appender;
        this.rules = rules;
        this.delivery = delivery;
        this.tx = tx;
    }

    /** Who hears of desk entries; set once when the desk is assembled. */
    public void listen(DeskEntryListener listener) {
        delivery.deskListener(listener);
    }

    /** A new, empty desk conversation (inside the caller's transaction, if any). */
    public Conversation open(UUID orgId, UUID id, String title, Instant at) {
        Conversation c = new Conversation(id, orgId, ConversationKind.DESK, title, null, null, null, 0, 0, at, null, at, null);
        tx.run(() -> conversations.insert(c));
        return c;
    }

    public Optional<Conversation> find(UUID orgId, UUID conversationId) {
        return conversations.find(orgId, conversationId).filter(c -> c.kind() == ConversationKind.DESK);
    }

    /**
     * A message from someone who is not a member: the visitor ({@code sender.memberId()} is their visitor
     * id) or the bot. Text or card, through the same rules as chat messages (length, the organisation's
     * word filter). {@code rateLimit}: the sender's limit (visitors have one; the bot none, null).
     */
    public SendResult post(Principal sender, UUID conversationId, SendRequest request, SendRateLimit rateLimit) {
        String clientMsgId = rules.clientMsgId(request.clientMsgId());
        MessageBody body = rules.body(sender.orgId(), request);
        if (rateLimit != null) rateLimit.check(sender.memberId());
        return appender.appendExternal(sender, conversationId, clientMsgId, request.kind(), body, Seat::requireOpen);
    }

    /** A system entry (assigned, transferred, closed...), inside the caller's transaction. */
    public Entry record(Conversation c, UUID actorId, Map<String, Object> event) {
        return appender.appendSystem(c, actorId, event);
    }

    /** The agent joins (inside the caller's transaction) and sees the conversation from its first entry. */
    public void addAgent(Conversation c, UUID memberId, Instant at) {
        conversations.addMembers(c.orgId(), c.id(), List.of(memberId), ChatRole.MEMBER, 0, at);
    }

    /** Agents join several conversations at once ({@code conversations[i]} gets {@code agentIds[i]}), inside the caller's transaction. */
    public void addAgents(List<Conversation> conversations, List<UUID> agentIds, Instant at) {
        if (conversations.isEmpty()) return;
        this.conversations.addMemberToEach(conversations.getFirst().orgId(), conversations.stream().map(Conversation::id).toList(), agentIds,
                ChatRole.MEMBER, 0, at);
    }

    /**
     * Desk conversations the caller knows exist and are open (the desk checked its own rows), as
     * references for {@link #addAgents} and {@link #recordAll}: only their id, organisation and kind
     * mean anything — no read for a batch of hand-overs.
     */
    public static List<Conversation> refs(UUID orgId, List<UUID> ids) {
        return ids.stream().map(id -> new Conversation(id, orgId, ConversationKind.DESK, null, null, null, null, 0, 0, null, null, null, null)).toList();
    }

    /** The agent leaves the conversation (transferred away); what they said stays in the log. */
    public void removeAgent(Conversation c, UUID memberId) {
        conversations.removeMembers(c.id(), List.of(memberId));
    }

    /** Ends the conversation: it stays readable, nobody can post to it any more (inside the caller's transaction). */
    public Conversation close(Conversation c, Instant at) {
        Conversation locked = conversations.lock(c.orgId(), c.id()).orElseThrow();
        Conversation closed = new Conversation(locked.id(), locked.orgId(), locked.kind(), locked.title(), locked.announcement(), null, null,
                locked.lastSeq(), locked.memberCount(), locked.lastEntryAt(), locked.createdBy(), locked.createdAt(), at);
        conversations.update(closed);
        return closed;
    }

    /** The members in the conversation: its agent, and supervisors who joined. */
    public List<UUID> agentsIn(UUID conversationId) {
        return conversations.memberIds(conversationId);
    }

    /** The members of several conversations, in one query. */
    public java.util.Map<UUID, List<UUID>> agentsIn(java.util.Collection<UUID> conversationIds) {
        return conversations.memberIds(conversationIds);
    }

    /**
     * A message from a sender who is no member (the bot's greeting) written inside the caller's
     * transaction — no trip through the log writer — and told to the listener once committed.
     */
    public Entry postWithin(Conversation c, UUID senderId, MessageBody body) {
        return appender.appendWithin(c, senderId, EntryKind.TEXT, body);
    }

    /** Several system entries (one per conversation, each its own event) in one statement, inside the caller's transaction. */
    public void recordAll(List<Conversation> conversations, List<UUID> actorIds, List<Map<String, Object>> events) {
        appender.appendSystemEach(conversations, actorIds, events);
    }

    /** Entries with seq > {@code after}, oldest first (a visitor's or an agent's catch-up, the transcript). */
    public List<Entry> entriesAfter(UUID conversationId, long after, int limit) {
        return messages.oldestAfter(conversationId, after, limit);
    }

    /** Entries before {@code before}, newest first (paging back through history). */
    public List<Entry> entriesBefore(UUID conversationId, long before, int limit) {
        return messages.newestBetween(conversationId, 0, before, limit);
    }

    /** A fresh client message id for entries the server writes on someone's behalf (the bot's answers). */
    public static String serverMsgId() {
        return "srv-" + Ids.newId();
    }

    static ProblemException managedByDesk() {
        return ProblemException.conflict("desk_conversation", "This conversation belongs to the customer-service desk; change it in the desk", null);
    }
}
