package org.queqiao.desk;

import java.util.List;
import java.util.UUID;

/**
 * What the bot makes of a visitor's words, from the organisation's knowledge base: an answer, a few
 * suggestions, a miss, or a handoff to a person (asked for, too many misses in a row, or too unsure).
 */
@FunctionalInterface
public interface BotBrain {
    Reply reply(UUID orgId, String text, int fallbacksInARow);

    /** One of the FAQs closest to the visitor's words (what a {@link BotAssistant} answers from). */
    record Source(UUID faqId, String question, String answer) {}

    enum Kind { ANSWER, SUGGEST, FALLBACK, HANDOFF }

    record Suggestion(UUID faqId, String question) {}

    /** @param closest for a suggestion or a fallback, the search's best FAQs, best first; empty otherwise */
    record Reply(Kind kind, UUID faqId, String answer, double confidence, List<Suggestion> suggestions, String handoffReason, List<Source> closest) {}
}
