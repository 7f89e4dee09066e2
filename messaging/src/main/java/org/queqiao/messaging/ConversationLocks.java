package org.queqiao.messaging;

import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises appends to one conversation on this node from "take the number" to "push it", so a
 * node pushes a conversation's entries in sequence order. The database row lock already serialises
 * the transactions, so this costs no throughput. Striped: a fixed set of locks, shared by hash.
 * Across nodes, order is restored by clients (they hold a later entry until the gap is filled; see
 * docs/chat-protocol.md).
 */
final class ConversationLocks {
    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    ConversationLocks() {
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    static int stripe(UUID conversationId) {
        return (conversationId.hashCode() & 0x7fffffff) % STRIPES;
    }

    /** Runs {@code work} holding the locks of all these conversations (taken in stripe order, so two callers never deadlock). */
    <T> T withAll(java.util.Collection<UUID> conversationIds, Supplier<T> work) {
        int[] stripes = conversationIds.stream().mapToInt(ConversationLocks::stripe).distinct().sorted().toArray();
        int held = 0;
        try {
            for (int s : stripes) {
                locks[s].lock();
                held++;
            }
            return work.get();
        } finally {
            for (int i = 0; i < held; i++) locks[stripes[i]].unlock();
        }
    }

    <T> T with(UUID conversationId, Supplier<T> work) {
        ReentrantLock lock = locks[stripe(conversationId)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
