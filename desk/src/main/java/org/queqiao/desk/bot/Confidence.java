package org.queqiao.desk.bot;

import java.util.List;

/**
 * How sure the bot is that the best match answers the question, in [0, 1] and comparable across
 * questions: the best score over the question's self-score ({@link FaqQuery}), i.e. how much of what the
 * question says the best phrasing explains.
 */
final class Confidence {
    private Confidence() {}

    static double of(List<FaqMatch> matches, double selfScore) {
        if (matches.isEmpty() || selfScore <= 0) return 0;
        double coverage = matches.getFirst().score() / selfScore;
        return Math.max(0, Math.min(1, coverage));
    }
}
