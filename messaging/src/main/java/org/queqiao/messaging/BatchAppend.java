package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.json.JsonText;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one batch of appends in one transaction: the senders' seats in one query, their checks,
 * numbers reserved and entries inserted in one statement; after commit every sender is answered and
 * every entry pushed, in sequence order, while the batch's conversations are locked on this node (so
 * pushes leave in order).
 *
 * <p>Resends (a client message id already stored) are rare, so a batch is first written without
 * looking for them: the unique index on client message ids catches one, the transaction rolls back
 * and the batch is written again, this time looking every id up first. Resends come in bursts (a
 * client reconnecting resends everything unanswered), so after one the writer keeps looking for a
 * while. Looking up every batch cost a statement per batch, about a fifth of the database's work
 * for a batch of one.
 */
final class BatchAppend implements LogWriter.BatchWrite {
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final Transactor tx;
    private final ChatDelivery delivery;
    private final ConversationLocks locks;
    private final BatchObserver observer;
    /** Until when batches look up resends before writing (System.nanoTime); shared by the writers, whose races cost one lookup at most. */
    private volatile long lookUpResendsUntil = System.nanoTime();
    /** A reconnecting client resends within a second or two; a later resend costs one rolled-back batch again. */
    static final long LOOK_UP_RESENDS_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    BatchAppend(ConversationStore conversations, MessageStore messages, Transactor tx, ChatDelivery delivery, ConversationLocks locks,
                BatchObserver observer) {
        this.conversations = conversations;
        this.messages = messages;
        this.tx = tx;
        this.delivery = delivery;
        this.locks = locks;
        this.observer = observer;
    }

    /** What became of one append. */
    private record Outcome(SendResult result, ProblemException problem, Seat seat) {}

    @Override
    public void write(List<LogWriter.Append> batch) {
        List<UUID> conversationIds = batch.stream().map(LogWriter.Append::conversationId).distinct().toList();
        locks.withAll(conversationIds, () -> {
            Outcome[] outcomes = storeLookingUpResendsIfNeeded(batch);
            List<Entry> appended = new ArrayList<>();
            List<JsonText> appendedJson = new ArrayList<>();
            Map<UUID, Conversation> conversationOf = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                Outcome o = outcomes[i];
                if (o.problem() != null) {
                    batch.get(i).result().completeExceptionally(o.problem());
                    continue;
                }
                SendResult r = o.result();
                if (!r.duplicate()) {
                    // serialised once: for the members' devices and for the sender's answer
                    JsonText json = JsonText.of(r.entry());
                    r = new SendResult(r.entry(), false, json);
                    appended.add(r.entry());
                    appendedJson.add(json);
                    conversationOf.put(o.seat().conversation().id(), o.seat().conversation());
                }
                batch.get(i).result().complete(r);
            }
            delivery.entriesAppended(appended, appendedJson, conversationOf::get);
            return null;
        });
    }

    private Outcome[] storeLookingUpResendsIfNeeded(List<LogWriter.Append> batch) {
        if (System.nanoTime() - lookUpResendsUntil < 0) return tx.inTransaction(() -> store(batch, true));
        try {
            return tx.inTransaction(() -> store(batch, false));
        } catch (ResendInBatch e) {
            lookUpResendsUntil = System.nanoTime() + LOOK_UP_RESENDS_NANOS;
            observer.batchRewrittenForResend();
            return tx.inTransaction(() -> store(batch, true));
        }
    }

    /** The batch held a client message id that is already stored; its transaction rolls back. */
    private static final class ResendInBatch extends RuntimeException {
        ResendInBatch() {
            super("a client message id in the batch was already stored", null, false, false);
        }
    }

    private Outcome[] store(List<LogWriter.Append> batch, boolean lookUpResends) {
        int n = batch.size();
        Outcome[] outcomes = new Outcome[n];
        List<ConversationStore.SeatKey> keys = batch.stream()
                .map(a -> new ConversationStore.SeatKey(a.principal().orgId(), a.conversationId(), a.principal().memberId())).toList();
        List<ConversationStore.SeatKey> memberKeys = new ArrayList<>(new LinkedHashSet<>(keys));
        for (int i = 0; i < n; i++) if (batch.get(i).external()) memberKeys.remove(keys.get(i));
        Map<ConversationStore.SeatKey, Seat> seats = memberKeys.isEmpty() ? Map.of() : conversations.seats(memberKeys);

        // who may append what: the same checks as one at a time, with the seat read once per batch
        Seat[] seatOf = new Seat[n];
        for (int i = 0; i < n; i++) {
            Seat seat = batch.get(i).external() ? externalSeat(batch.get(i)) : seats.get(keys.get(i));
            if (seat == null) {
                outcomes[i] = new Outcome(null, ChatAccess.notFound(), null);
                continue;
            }
            try {
                batch.get(i).check().accept(seat);
                seatOf[i] = seat;
            } catch (ProblemException e) {
                outcomes[i] = new Outcome(null, e, null);
            }
        }

        // resends: stored before, or twice in this batch
        Map<MessageStore.ClientKey, Integer> firstInBatch = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (outcomes[i] != null) continue;
            firstInBatch.putIfAbsent(clientKey(batch.get(i)), i);
        }
        Map<MessageStore.ClientKey, Entry> stored = new HashMap<>();
        if (lookUpResends) {
            for (Entry e : messages.findByClientMsgIds(List.copyOf(firstInBatch.keySet()))) {
                stored.put(new MessageStore.ClientKey(e.conversationId(), e.senderId(), e.clientMsgId()), e);
            }
        }

        // numbers and storage: one statement for the whole batch
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (outcomes[i] != null) continue;
            MessageStore.ClientKey k = clientKey(batch.get(i));
            if (!stored.containsKey(k) && firstInBatch.get(k) == i) fresh.add(i);
        }
        Instant now = Instant.now();
        List<NewEntry> entries = new ArrayList<>(fresh.size());
        for (int i : fresh) {
            LogWriter.Append a = batch.get(i);
            entries.add(new NewEntry(Ids.newId(), a.principal().orgId(), a.conversationId(), a.principal().memberId(), a.clientMsgId(), a.kind(),
                    a.body(), a.targetSeq(), now));
        }
        List<Long> seqs = entries.isEmpty() ? List.of() : messages.appendAll(entries).orElseThrow(() -> lookUpResends
                ? new IllegalStateException("a client message id was stored concurrently; retrying the batch one by one")
                : new ResendInBatch());
        for (int j = 0; j < fresh.size(); j++) {
            int i = fresh.get(j);
            NewEntry e = entries.get(j);
            Entry entry = new Entry(e.id(), e.conversationId(), seqs.get(j), e.senderId(), e.clientMsgId(), e.kind(), e.body(), e.targetSeq(),
                    null, e.at(), null, null);
            batch.get(i).applied().accept(entry);
            outcomes[i] = new Outcome(new SendResult(entry, false), null, seatOf[i]);
        }
        for (int i = 0; i < n; i++) {
            if (outcomes[i] != null) continue;
            MessageStore.ClientKey k = clientKey(batch.get(i));
            Entry earlier = stored.get(k);
            if (earlier == null) earlier = outcomes[firstInBatch.get(k)].result().entry();
            outcomes[i] = new Outcome(new SendResult(earlier, true), null, seatOf[i]);
        }
        return outcomes;
    }

    /**
     * A visitor or the desk's bot posting to a desk conversation: they are no members, so their seat is
     * the conversation with a membership that sees everything (ADR 0010). Other kinds refuse them.
     */
    private Seat externalSeat(LogWriter.Append a) {
        Conversation c = conversations.find(a.principal().orgId(), a.conversationId()).orElse(null);
        if (c == null || c.kind() != ConversationKind.DESK) return null;
        return new Seat(c, new Membership(c.id(), a.principal().memberId(), ChatRole.MEMBER, 0, 0, null, c.createdAt()));
    }

    private static MessageStore.ClientKey clientKey(LogWriter.Append a) {
        return new MessageStore.ClientKey(a.conversationId(), a.principal().memberId(), a.clientMsgId());
    }
}
