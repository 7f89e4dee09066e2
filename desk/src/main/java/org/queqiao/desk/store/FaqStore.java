package org.queqiao.desk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The organisation's knowledge base, the questions the bot could not answer, and visitors' ratings of its answers. */
public interface FaqStore {
    List<Faq> all(UUID orgId);

    Optional<Faq> find(UUID orgId, UUID id);

    /** @return false when another entry has the same question */
    boolean insert(Faq f);

    /** @return false when another entry has the same question */
    boolean update(Faq f);

    boolean delete(UUID orgId, UUID id);

    /** Counts a question the bot could not answer (by its normalised text). */
    void countUnanswered(UUID orgId, String normalized, String question, Instant at);

    List<Unanswered> unanswered(UUID orgId, int limit);

    void dismissUnanswered(UUID orgId, String normalized);

    /** @return false when that answer was rated already */
    boolean rate(UUID orgId, UUID conversationId, long seq, UUID faqId, boolean helpful, Instant at);

    record Faq(UUID id, UUID orgId, String question, List<String> alternatives, String answer, String category, Instant createdAt, Instant updatedAt) {}

    record Unanswered(String normalized, String question, int times, Instant firstAt, Instant lastAt) {}
}
