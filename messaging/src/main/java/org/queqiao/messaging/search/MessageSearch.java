package org.queqiao.messaging.search;

import org.queqiao.messaging.Entry;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Searching chat history, Chinese and English, only in conversations the searcher is a member of at
 * the moment of the query (and only what they could see there): someone who left a group, or was
 * offboarded, finds nothing of it.
 */
public final class MessageSearch {
    public static final int MAX_QUERY_CHARS = 100;

    private final SearchStore store;
    private final TextAnalyzer analyzer;

    public MessageSearch(SearchStore store, TextAnalyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    public Page<Entry> search(Principal p, String query, UUID conversationId, PageRequest page) {
        if (query == null || query.isBlank()) throw ProblemException.invalid("q", "required", "q (what to search for) is required");
        if (query.length() > MAX_QUERY_CHARS) throw ProblemException.invalid("q", "too_long", "q is at most " + MAX_QUERY_CHARS + " characters");
        String tsquery = analyzer.queryExpression(query).orElse(null);
        if (tsquery == null) return new Page<>(List.of(), null);
        Instant beforeAt = page.isFirst() ? null : Instant.parse(page.afterSort());
        UUID beforeId = page.isFirst() ? null : UUID.fromString(page.afterId());
        List<Entry> rows = store.search(p.orgId(), p.memberId(), tsquery, conversationId, beforeAt, beforeId, page.limit() + 1);
        return Page.of(rows, page.limit(), e -> PageRequest.cursor(e.createdAt().toString(), e.id().toString()));
    }
}
