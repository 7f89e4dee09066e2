package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.id.Ids;
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
 * resends recognised, numbers reserved per conversation in one statement, entries inserted in
 * another; after commit every sender is answered and every entry pushed, in sequence order, while
 * the batch's conversations are locked on this node (so pushes leave in order).
 */
final class BatchAppend implements LogWriter.BatchWrite {
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final Transactor tx;
    private final ChatDelivery delivery;
    private final ConversationLocks locks;

    BatchAppend(ConversationStore conversations, MessageStore messages, Transactor tx, ChatDelivery delivery, ConversationLocks locks) {
        this.conversations = conversations;
        this.messages = messages;
        this.tx = tx;
        this.delivery = delivery;
        this.locks = locks;
    }

    /** What became of one append. */
    private record Outcome(SendResult result, ProblemException problem, Seat seat) {}

    @Override
    public void write(List<LogWriter.Append> batch) {
        List<UUID> conversationIds = batch.stream().map(LogWriter.Append::conversationId).distinct().toList();
        locks.withAll(conversationIds, () -> {
            Outcome[] outcomes = tx.inTransaction(() -> store(batch));
            for (int i = 0; i < batch.size(); i++) {
                Outcome o = outcomes[i];
                if (o.problem() != null) batch.get(i).result().completeExceptionally(o.problem());
                else batch.get(i).result().complete(o.result());
            }
            List<Entry> appended = new ArrayList<>();
            Map<UUID, Conversation> conversationOf = new HashMap<>();
            for (Outcome o : outcomes) {
                if (o.result() == null || o.result().duplicate()) continue;
                appended.add(o.result().entry());
                conversationOf.put(o.seat().conversation().id(), o.seat().conversation());
            }
            delivery.entriesAppended(appended, conversationOf::get);
            return null;
        });
    }

    private Outcome[] store(List<LogWriter.Append> batch) {
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
        List<MessageStore.ClientKey> lookups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (outcomes[i] != null) continue;
            MessageStore.ClientKey k = clientKey(batch.get(i));
            if (firstInBatch.putIfAbsent(k, i) == null) lookups.add(k);
        }
        Map<MessageStore.ClientKey, Entry> stored = new HashMap<>();
        for (Entry e : messages.findByClientMsgIds(lookups)) stored.put(new MessageStore.ClientKey(e.conversationId(), e.senderId(), e.clientMsgId()), e);

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
        List<Long> seqs = entries.isEmpty() ? List.of() : messages.appendAll(entries).orElseThrow(() ->
                new IllegalStateException("a client message id was stored concurrently; retrying the batch one by one"));
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
