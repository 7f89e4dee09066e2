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

    <T> T with(UUID conversationId, Supplier<T> work) {
        ReentrantLock lock = locks[(conversationId.hashCode() & 0x7fffffff) % STRIPES];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
