package org.queqiao.messaging.search;

import java.util.Optional;

/** Turns message text and search queries into the tokens PostgreSQL's full text matches (Chinese segmented, English stemmed). */
public interface TextAnalyzer {
    /** Space-separated lexemes for {@code to_tsvector('simple', ...)}. */
    String documentTokens(String text);

    /** A safe {@code to_tsquery('simple', ...)} expression, or empty when the query has nothing to search for. */
    Optional<String> queryExpression(String userQuery);
}
