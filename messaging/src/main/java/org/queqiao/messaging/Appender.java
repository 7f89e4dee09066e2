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
 * The one way an entry enters a log: in one transaction the caller's checks run, the conversation's
 * next number is taken and the entry stored under it; after commit every member's devices are told.
 * A resend (same sender, same client message id) rolls back, giving the number back, and returns the
 * stored entry: the log has no gaps and no copies.
 */
final class Appender {
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final Transactor tx;
    private final ChatDelivery delivery;
    private final ConversationLocks locks = new ConversationLocks();

    Appender(ConversationStore conversations, MessageStore messages, Transactor tx, ChatDelivery delivery) {
        this.conversations = conversations;
        this.messages = messages;
        this.tx = tx;
        this.delivery = delivery;
    }

    /**
     * @param check runs inside the transaction before the number is taken (with the caller's seat);
     *              throwing a ProblemException rejects the entry
     * @param applied runs inside the transaction after the entry is stored (e.g. update the edited message)
     */
    SendResult append(Principal p, UUID conversationId, String clientMsgId, EntryKind kind, MessageBody body, Long targetSeq,
                      ChatAccess access, Consumer<ChatAccess.Seat> check, Consumer<Entry> applied) {
        return locks.with(conversationId, () -> {
            try {
                return tx.inTransaction(() -> {
                    ChatAccess.Seat seat = access.seat(p, conversationId);
                    check.accept(seat);
                    Instant now = Instant.now();
                    Entry e = messages.append(new NewEntry(Ids.newId(), p.orgId(), conversationId, p.memberId(), clientMsgId, kind, body, targetSeq, now))
                            .orElseThrow(AlreadyStored::new);
                    applied.accept(e);
                    Conversation c = seat.conversation();
                    tx.afterCommit(() -> delivery.entryAppended(c, e));
                    return new SendResult(e, false);
                });
            } catch (AlreadyStored resend) {
                return messages.findByClientMsgId(conversationId, p.memberId(), clientMsgId)
                        .map(e -> new SendResult(e, true))
                        .orElseThrow(() -> new IllegalStateException("client message id conflicted but nothing is stored"));
            }
        });
    }

    /** An entry the system writes (members joined, group renamed), inside the caller's transaction. */
    Entry appendSystem(Conversation c, UUID actorId, java.util.Map<String, Object> event) {
        Entry e = messages.append(new NewEntry(Ids.newId(), c.orgId(), c.id(), actorId, "sys-" + Ids.newId(), EntryKind.SYSTEM,
                MessageBody.event(event), null, Instant.now())).orElseThrow();
        tx.afterCommit(() -> delivery.entryAppended(c, e));
        return e;
    }

    /** Thrown to roll back an append whose client message id was already used. */
    private static final class AlreadyStored extends RuntimeException {
        AlreadyStored() {
            super(null, null, false, false);
        }
    }
}
