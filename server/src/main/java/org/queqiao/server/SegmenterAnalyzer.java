package org.queqiao.server;

import org.queqiao.messaging.search.TextAnalyzer;
import org.queqiao.search.TextSegmenter;

import java.util.Optional;

/** Messaging's search needs an analyzer; the search module's smartcn segmenter is it. */
record SegmenterAnalyzer(TextSegmenter segmenter) implements TextAnalyzer {
    @Override
    public String documentTokens(String text) {
        return segmenter.documentTokens(text);
    }

    @Override
    public Optional<String> queryExpression(String userQuery) {
        return segmenter.queryExpression(userQuery);
    }
}
