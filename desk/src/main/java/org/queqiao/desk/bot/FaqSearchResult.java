package org.queqiao.desk.bot;

import java.util.List;

/**
 * The entries found for one question, best first, and how sure the bot is that the first one answers it.
 *
 * @param confidence in [0, 1], comparable across questions and knowledge bases (see {@link Confidence});
 *                   0 when nothing matched
 */
public record FaqSearchResult(List<FaqMatch> candidates, double confidence) {
    public static final FaqSearchResult NONE = new FaqSearchResult(List.of(), 0);

    public FaqSearchResult {
        candidates = List.copyOf(candidates);
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }
}
