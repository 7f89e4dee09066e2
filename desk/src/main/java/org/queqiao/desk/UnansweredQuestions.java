package org.queqiao.desk;

import org.queqiao.desk.store.FaqStore;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Questions the bot could not answer, counted for the knowledge-base admin: "how do I cancel" asked 40
 * times is the next FAQ to write. Counted by a normalised form (case, spacing and trailing punctuation
 * folded) so that small differences do not split the count.
 */
final class UnansweredQuestions {
    static final int MAX_CHARS = 300;
    private final FaqStore faqs;
    private final Clock clock;

    UnansweredQuestions(FaqStore faqs, Clock clock) {
        this.faqs = faqs;
        this.clock = clock;
    }

    void record(UUID orgId, String question) {
        String q = question.strip();
        if (q.isEmpty()) return;
        if (q.length() > MAX_CHARS) q = q.substring(0, MAX_CHARS);
        faqs.countUnanswered(orgId, normalize(q), q, clock.instant());
    }

    static String normalize(String q) {
        return q.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\p{Punct}？！。，、～?!.,~\\s]+$", "").strip();
    }
}
