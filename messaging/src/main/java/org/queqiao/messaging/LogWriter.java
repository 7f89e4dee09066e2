package org.queqiao.messaging;

import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Group commit for conversation logs. Appends wait in a queue; a writer takes everything waiting
 * (up to {@link #MAX_BATCH}) and stores it in one transaction with a handful of set-based
 * statements, then answers every sender and pushes. Under light load a batch is one append (no
 * added latency); under heavy load the cost per message falls, because the database does a few
 * statements and one commit per batch instead of per message (ADR 0007).
 *
 * <p>Writers are partitioned by conversation, so one conversation's appends are always written, in
 * arrival order, by the same writer. A batch that fails as a whole (a deadlock, a resend racing on
 * another node) is retried one append at a time, so one bad append never fails the others.
 */
final class LogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    static final int MAX_BATCH = 500;
    private static final int QUEUE_CAPACITY = 20_000;

    /** One append: the caller's checks run inside the transaction with the sender's seat. */
    record Append(Principal principal, UUID conversationId, String clientMsgId, EntryKind kind, MessageBody body, Long targetSeq,
                  Consumer<Seat> check, Consumer<Entry> applied, CompletableFuture<SendResult> result, boolean external) {
        Append(Principal principal, UUID conversationId, String clientMsgId, EntryKind kind, MessageBody body, Long targetSeq,
               Consumer<Seat> check, Consumer<Entry> applied, CompletableFuture<SendResult> result) {
            this(principal, conversationId, clientMsgId, kind, body, targetSeq, check, applied, result, false);
        }
    }

    private final BatchWrite write;
    private final BatchObserver observer;
    private final List<BlockingQueue<Append>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    LogWriter(BatchWrite write, int writerCount, BatchObserver observer) {
        this.write = write;
        this.observer = observer;
        for (int i = 0; i < writerCount; i++) {
            BlockingQueue<Append> q = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
            queues.add(q);
            writers.add(Thread.ofPlatform().daemon().name("chat-writer-" + i).start(() -> run(q)));
        }
    }

    /** Stores the append (or finds its earlier copy) and returns once it is committed. */
    SendResult append(Append a) {
        if (closed) throw busy();
        BlockingQueue<Append> q = queues.get(ConversationLocks.stripe(a.conversationId()) % queues.size());
        if (!q.offer(a)) throw busy();
        try {
            return a.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the message was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run(BlockingQueue<Append> queue) {
        List<Append> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            long t0 = System.nanoTime();
            try {
                write.write(batch);
                observer.batchWritten(batch.size(), System.nanoTime() - t0);
            } catch (Throwable t) {
                retryOneByOne(batch, t);
            }
            batch.clear();
        }
        failRemaining(queue);
    }

    private void retryOneByOne(List<Append> batch, Throwable cause) {
        if (batch.size() == 1) {
            Append a = batch.getFirst();
            if (!(cause instanceof ProblemException)) log.error("storing a message failed", cause);
            a.result().completeExceptionally(cause);
            return;
        }
        log.debug("batch of {} failed ({}); retrying one by one", batch.size(), cause.toString());
        for (Append a : batch) {
            if (a.result().isDone()) continue;
            try {
                write.write(List.of(a));
            } catch (Throwable t) {
                if (!(t instanceof ProblemException)) log.error("storing a message failed", t);
                a.result().completeExceptionally(t);
            }
        }
    }

    private static void failRemaining(BlockingQueue<Append> queue) {
        Append a;
        while ((a = queue.poll()) != null) a.result().completeExceptionally(busy());
    }

    private static ProblemException busy() {
        return new ProblemException(503, "busy", "The server is storing too many messages right now; retry in a moment", null,
                java.util.Map.of("retryAfterSeconds", 1));
    }

    @Override
    public void close() {
        closed = true;
        writers.forEach(Thread::interrupt);
        queues.forEach(LogWriter::failRemaining);
    }

    /** Writes one batch: completes every append's future (or throws, and the batch is retried one by one). */
    @FunctionalInterface
    interface BatchWrite {
        void write(List<Append> batch);
    }
}
