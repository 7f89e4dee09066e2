package org.queqiao.desk.bot;

/**
 * An organisation's settings for the bot's decisions.
 *
 * @param answerThreshold        confidence from which the bot answers with the best entry
 * @param suggestThreshold       confidence from which, below the answer threshold, it offers up to three entries
 * @param handoffAfterFallbacks  the Nth fallback in a row hands the visitor to an agent; 0 = never
 * @param handoffOnLowConfidence hand off at once instead of falling back (for desks that would rather
 *                               have an agent answer than let the visitor rephrase)
 */
public record BotSettings(double answerThreshold, double suggestThreshold, int handoffAfterFallbacks, boolean handoffOnLowConfidence) {
    /** For a knowledge base with embeddings (RetrievalTuning.HYBRID); thresholds calibrated by bench DeskBotBench. */
    public static final BotSettings DEFAULT = new BotSettings(0.5, 0.3, 2, false);
    /** For a BM25-only knowledge base, whose confidence is scaled differently (bench DeskBotBench). */
    public static final BotSettings BM25_ONLY = new BotSettings(0.7, 0.3, 2, false);

    public BotSettings {
        if (!(0 <= suggestThreshold && suggestThreshold <= answerThreshold && answerThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 <= suggestThreshold <= answerThreshold <= 1");
        }
        if (handoffAfterFallbacks < 0) throw new IllegalArgumentException("handoffAfterFallbacks must be 0 (never) or more");
    }
}
