package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one way an entry enters a log: through the {@link LogWriter}'s group commit, which runs the
 * caller's checks in the transaction, numbers the entry, stores it and tells every member's devices.
 * A resend (same sender, same client message id) returns the stored entry: the log has no gaps and
 * no copies. System entries are the exception: they join the caller's own transaction.
 */
final class Appender implements AutoCloseable {
    private final MessageStore messages;
    private final Transactor tx;
    private final ChatDelivery delivery;
    private final LogWriter writer;

    Appender(ConversationStore conversations, MessageStore messages, Transactor tx, ChatDelivery delivery, int writers, BatchObserver observer) {
        this.messages = messages;
        this.tx = tx;
        this.delivery = delivery;
        this.writer = new LogWriter(new BatchAppend(conversations, messages, tx, delivery, new ConversationLocks(), observer), writers, observer);
    }

    /**
     * @param check   runs inside the transaction with the caller's seat, before a number is taken;
     *                throwing a ProblemException rejects the entry
     * @param applied runs inside the transaction once the entry is stored (e.g. update the edited message)
     */
    SendResult append(Principal p, UUID conversationId, String clientMsgId, EntryKind kind, MessageBody body, Long targetSeq,
                      Consumer<Seat> check, Consumer<Entry> applied) {
        return writer.append(new LogWriter.Append(p, conversationId, clientMsgId, kind, body, targetSeq, check, applied,
                new java.util.concurrent.CompletableFuture<>()));
    }

    /** An entry from a sender who is not a member: a visitor or the bot in a desk conversation (ADR 0010). */
    SendResult appendExternal(Principal sender, UUID conversationId, String clientMsgId, EntryKind kind, MessageBody body, Consumer<Seat> check) {
        return writer.append(new LogWriter.Append(sender, conversationId, clientMsgId, kind, body, null, check, e -> {},
                new java.util.concurrent.CompletableFuture<>(), true));
    }

    /** An entry the system writes (members joined, group renamed), inside the caller's transaction. */
    Entry appendSystem(Conversation c, UUID actorId, java.util.Map<String, Object> event) {
        return appendWithin(c, actorId, EntryKind.SYSTEM, MessageBody.event(event));
    }

    /** One entry inside the caller's transaction (no group commit), told to the members' devices once committed. */
    Entry appendWithin(Conversation c, UUID actorId, EntryKind kind, MessageBody body) {
        NewEntry n = new NewEntry(Ids.newId(), c.orgId(), c.id(), actorId, "sys-" + Ids.newId(), kind, body, null, Instant.now());
        long seq = messages.appendAll(java.util.List.of(n)).orElseThrow().getFirst();
        Entry e = new Entry(n.id(), n.conversationId(), seq, n.senderId(), n.clientMsgId(), n.kind(), n.body(), null, null, n.at(), null, null);
        tx.afterCommit(() -> delivery.entryAppended(c, e));
        return e;
    }

    /** The same system entry in many conversations, in one statement, inside the caller's transaction. */
    void appendSystemToAll(java.util.List<Conversation> conversations, UUID actorId, java.util.Map<String, Object> event) {
        appendSystemEach(conversations, java.util.Collections.nCopies(conversations.size(), actorId),
                java.util.Collections.nCopies(conversations.size(), event));
    }

    /** A system entry in each conversation, each with its own actor and event, in one statement, inside the caller's transaction. */
    void appendSystemEach(java.util.List<Conversation> conversations, java.util.List<UUID> actorIds, java.util.List<java.util.Map<String, Object>> events) {
        if (conversations.isEmpty()) return;
        Instant now = Instant.now();
        java.util.List<NewEntry> entries = new java.util.ArrayList<>(conversations.size());
        for (int i = 0; i < conversations.size(); i++) {
            Conversation c = conversations.get(i);
            entries.add(new NewEntry(Ids.newId(), c.orgId(), c.id(), actorIds.get(i), "sys-" + Ids.newId(), EntryKind.SYSTEM,
                    MessageBody.event(events.get(i)), null, now));
        }
        java.util.List<Long> seqs = messages.appendAll(entries).orElseThrow();
        java.util.List<Entry> appended = new java.util.ArrayList<>();
        java.util.Map<UUID, Conversation> byId = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            NewEntry n = entries.get(i);
            appended.add(new Entry(n.id(), n.conversationId(), seqs.get(i), n.senderId(), n.clientMsgId(), n.kind(), n.body(), null, null, now, null, null));
            byId.put(n.conversationId(), conversations.get(i));
        }
        tx.afterCommit(() -> delivery.entriesAppended(appended, byId::get));
    }

    @Override
    public void close() {
        writer.close();
    }
}
