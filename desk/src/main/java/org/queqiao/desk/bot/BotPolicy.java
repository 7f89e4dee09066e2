package org.queqiao.desk.bot;

import java.util.List;

/**
 * The bot's decision for one message of a visitor: answer, suggest, fall back or hand off. Pure: the
 * caller keeps the count of consecutive fallbacks on the conversation and passes it in. Thread-safe.
 */
public final class BotPolicy {
    /** At most this many entries are suggested. */
    public static final int MAX_SUGGESTIONS = 3;
    /** A suggestion must score at least this share of the best: a far weaker runner-up is noise, not an option. */
    private static final double SUGGESTION_MIN_SHARE = 0.5;

    private final KnowledgeBase knowledgeBase;
    private final BotSettings settings;
    private final HandoffPhrases handoffPhrases = new HandoffPhrases();

    public BotPolicy(KnowledgeBase knowledgeBase, BotSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
    }

    /**
     * @param visitorText          what the visitor wrote (cut at {@link FaqQuery#MAX_CHARS}; may be blank)
     * @param consecutiveFallbacks how many of the bot's previous decisions in this conversation, in a row
     *                             and most recent last, were fallbacks
     */
    public BotDecision decide(String visitorText, int consecutiveFallbacks) {
        String text = FaqQuery.cap(visitorText);
        if (handoffPhrases.requested(text)) return new BotDecision.Handoff(HandoffReason.REQUESTED);
        FaqSearchResult result = knowledgeBase.search(text, MAX_SUGGESTIONS);
        double confidence = result.confidence();
        if (!result.isEmpty() && confidence >= settings.answerThreshold()) {
            return new BotDecision.Answer(result.candidates().getFirst().entry(), confidence);
        }
        if (!result.isEmpty() && confidence >= settings.suggestThreshold()) {
            return new BotDecision.Suggest(suggestions(result.candidates()), confidence, entries(result));
        }
        // a blank message falls back too: the widget should not send one, and counting it is harmless
        if (settings.handoffAfterFallbacks() > 0 && consecutiveFallbacks + 1 >= settings.handoffAfterFallbacks()) {
            return new BotDecision.Handoff(HandoffReason.FALLBACKS);
        }
        if (settings.handoffOnLowConfidence()) return new BotDecision.Handoff(HandoffReason.LOW_CONFIDENCE);
        return new BotDecision.Fallback(confidence, entries(result));
    }

    private static List<FaqEntry> entries(FaqSearchResult result) {
        return result.candidates().stream().map(FaqMatch::entry).toList();
    }

    private static List<FaqEntry> suggestions(List<FaqMatch> candidates) {
        float floor = (float) (candidates.getFirst().score() * SUGGESTION_MIN_SHARE);
        return candidates.stream().limit(MAX_SUGGESTIONS).filter(m -> m.score() >= floor).map(FaqMatch::entry).toList();
    }
}
