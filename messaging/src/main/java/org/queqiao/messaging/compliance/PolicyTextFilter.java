package org.queqiao.messaging.compliance;

import org.queqiao.messaging.TextFilter;
import org.queqiao.platform.problem.ProblemException;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies each organisation's sensitive words to message text. The automaton is built once per
 * organisation and kept; a policy change drops it here at once and on other nodes through the bus
 * ({@link #invalidate}), and every copy is rebuilt at least every {@link #MAX_AGE} regardless.
 */
public final class PolicyTextFilter implements TextFilter {
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final ChatPolicyStore store;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(SensitiveWordFilter filter, long loadedAtNanos) {}

    public PolicyTextFilter(ChatPolicyStore store) {
        this.store = store;
    }

    @Override
    public String apply(UUID orgId, String text) {
        SensitiveWordFilter.Result r = filterOf(orgId).check(text);
        if (r.blocked()) {
            throw new ProblemException(400, "sensitive_content", "The message contains words your organisation does not allow: "
                    + String.join(", ", r.blockedWords()), "text", Map.of("words", r.blockedWords()));
        }
        return r.text();
    }

    public void invalidate(UUID orgId) {
        cache.remove(orgId);
    }

    private SensitiveWordFilter filterOf(UUID orgId) {
        long now = System.nanoTime();
        Cached c = cache.get(orgId);
        if (c == null || now - c.loadedAtNanos() > MAX_AGE.toNanos()) {
            var words = store.find(orgId).map(ChatPolicy::sensitiveWords).orElse(java.util.List.of());
            c = new Cached(words.isEmpty() ? SensitiveWordFilter.EMPTY : SensitiveWordFilter.build(words), now);
            cache.put(orgId, c);
        }
        return c.filter();
    }
}
