package org.queqiao.desk.bot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentence vectors of one version of a knowledge base: one per phrasing (question and alternatives) and,
 * when asked for, one for the question together with its answer. Immutable. Searching compares the
 * question's vector with every one of them (a few thousand dot products: well under a millisecond for a
 * knowledge base of a thousand FAQs, so no approximate index is needed).
 */
final class FaqVectors {
    private final int[] owner;                 // entry number of each vector
    private final TextEmbedder.Vector[] vectors;
    private final Map<String, TextEmbedder.Vector> byText;
    private final int entries;

    private FaqVectors(int entries, int[] owner, TextEmbedder.Vector[] vectors, Map<String, TextEmbedder.Vector> byText) {
        this.entries = entries;
        this.owner = owner;
        this.vectors = vectors;
        this.byText = byText;
    }

    /**
     * Embeds the entries' texts, reusing the vectors of {@code previous} for texts it already had: an admin
     * editing one FAQ of a thousand costs one FAQ's embeddings, not a thousand's.
     */
    static FaqVectors build(List<FaqEntry> entries, TextEmbedder embedder, boolean withAnswers, FaqVectors previous) {
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FaqEntry e = entries.get(i);
            for (String p : e.phrasings()) {
                texts.add(p);
                owners.add(i);
            }
            if (withAnswers) {
                texts.add(e.question() + "\n" + e.answer());
                owners.add(i);
            }
        }
        Map<String, TextEmbedder.Vector> known = previous == null ? Map.of() : previous.byText;
        Set<String> missing = new LinkedHashSet<>();
        for (String t : texts) if (!known.containsKey(t)) missing.add(t);
        Map<String, TextEmbedder.Vector> byText = new HashMap<>();
        List<String> toEmbed = new ArrayList<>(missing);
        List<TextEmbedder.Vector> embedded = toEmbed.isEmpty() ? List.of() : embedder.embed(toEmbed);
        for (int i = 0; i < toEmbed.size(); i++) byText.put(toEmbed.get(i), embedded.get(i));
        TextEmbedder.Vector[] vectors = new TextEmbedder.Vector[texts.size()];
        int[] owner = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            TextEmbedder.Vector v = byText.computeIfAbsent(t, known::get);
            vectors[i] = v;
            owner[i] = owners.get(i);
        }
        return new FaqVectors(entries.size(), owner, vectors, byText);
    }

    /** Each entry's best cosine with the question (vectors of unit length), 0 for entries of another model's language. */
    double[] cosines(TextEmbedder.Vector question) {
        double[] best = new double[entries];
        float[] q = question.values();
        for (int i = 0; i < vectors.length; i++) {
            TextEmbedder.Vector v = vectors[i];
            if (!v.model().equals(question.model())) continue;
            float[] d = v.values();
            double dot = 0;
            for (int k = 0; k < q.length; k++) dot += q[k] * d[k];
            if (dot > best[owner[i]]) best[owner[i]] = dot;
        }
        return best;
    }
}
