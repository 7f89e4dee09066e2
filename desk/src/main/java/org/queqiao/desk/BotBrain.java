package org.queqiao.desk;

import java.util.List;
import java.util.UUID;

/**
 * What the bot makes of a visitor's words, from the organisation's knowledge base: an answer, a few
 * suggestions, a miss, or a handoff to a person (asked for, too many misses in a row, or too unsure).
 */
public interface BotBrain {
    Reply reply(UUID orgId, String text, int fallbacksInARow);

    /** The organisation's {@code n} FAQs closest to the text, best first (what a {@link BotAssistant} answers from). */
    List<Source> closest(UUID orgId, String text, int n);

    record Source(UUID faqId, String question, String answer) {}

    enum Kind { ANSWER, SUGGEST, FALLBACK, HANDOFF }

    record Suggestion(UUID faqId, String question) {}

    record Reply(Kind kind, UUID faqId, String answer, double confidence, List<Suggestion> suggestions, String handoffReason) {}
}
