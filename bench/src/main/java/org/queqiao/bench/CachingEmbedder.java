package org.queqiao.bench;

import org.queqiao.desk.bot.TextEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers every vector, so the bench's many knowledge bases of the same FAQs embed each text once. Not for latency runs. */
final class CachingEmbedder implements TextEmbedder {
    private final TextEmbedder inner;
    private final Map<String, Vector> cache = new ConcurrentHashMap<>();

    CachingEmbedder(TextEmbedder inner) {
        this.inner = inner;
    }

    @Override
    public List<Vector> embed(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<Vector> vectors = inner.embed(missing);
            for (int i = 0; i < missing.size(); i++) cache.put(missing.get(i), vectors.get(i));
        }
        List<Vector> out = new ArrayList<>(texts.size());
        for (String t : texts) out.add(cache.get(t));
        return out;
    }
}
