package org.queqiao.desk.bot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentence vectors of one version of a knowledge base. Immutable. Each entry has
 * <ul>
 * <li>match vectors: one per phrasing (question and alternatives) and, when asked for, one for the question
 * together with its answer; pooled into one score ({@link RetrievalTuning#poolTemperature()});</li>
 * <li>answer vectors, when asked for: one per sentence of the answer ({@link AnswerSentences}); the best one
 * adds to the score at {@link RetrievalTuning#answerSentenceWeight()}.</li>
 * </ul>
 * Searching compares the question's vector with every one of them (a few thousand dot products: well under a
 * millisecond for a knowledge base of a thousand FAQs, so no approximate index is needed).
 */
final class FaqVectors {
    private final int[] owner;                 // entry number of each vector
    private final boolean[] fromAnswer;        // an answer sentence's vector, not a match vector
    private final TextEmbedder.Vector[] vectors;
    private final Map<String, TextEmbedder.Vector> byText;
    private final int entries;
    private final double temperature;
    private final double answerWeight;

    private FaqVectors(int entries, int[] owner, boolean[] fromAnswer, TextEmbedder.Vector[] vectors,
                       Map<String, TextEmbedder.Vector> byText, RetrievalTuning tuning) {
        this.entries = entries;
        this.owner = owner;
        this.fromAnswer = fromAnswer;
        this.vectors = vectors;
        this.byText = byText;
        this.temperature = tuning.poolTemperature();
        this.answerWeight = tuning.answerSentenceWeight();
    }

    /**
     * Embeds the entries' texts, reusing the vectors of {@code previous} for texts it already had: an admin
     * editing one FAQ of a thousand costs one FAQ's embeddings, not a thousand's.
     */
    static FaqVectors build(List<FaqEntry> entries, TextEmbedder embedder, RetrievalTuning tuning, FaqVectors previous) {
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Boolean> answerParts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FaqEntry e = entries.get(i);
            List<String> match = new ArrayList<>(e.phrasings());
            if (tuning.embedAnswers()) match.add(e.question() + "\n" + e.answer());
            List<String> answer = tuning.answerSentenceWeight() > 0 ? AnswerSentences.of(e.answer()) : List.of();
            for (String t : match) {
                texts.add(t);
                owners.add(i);
                answerParts.add(false);
            }
            for (String t : answer) {
                texts.add(t);
                owners.add(i);
                answerParts.add(true);
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
        boolean[] fromAnswer = new boolean[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = byText.computeIfAbsent(texts.get(i), known::get);
            owner[i] = owners.get(i);
            fromAnswer[i] = answerParts.get(i);
        }
        return new FaqVectors(entries.size(), owner, fromAnswer, vectors, byText, tuning);
    }

    /**
     * Each entry's semantic score for the question (vectors of unit length): its match vectors pooled, plus the
     * weighted best answer sentence; 0 for entries of another model's language.
     */
    double[] scores(TextEmbedder.Vector question) {
        double[] pooled = new double[entries];   // best cosine, or the sum of exp((cos - 1) / t)
        int[] matched = new int[entries];        // match vectors of the question's model, per entry
        double[] bestSentence = new double[entries];
        float[] q = question.values();
        for (int i = 0; i < vectors.length; i++) {
            TextEmbedder.Vector v = vectors[i];
            if (!v.model().equals(question.model())) continue;
            double cos = dot(q, v.values());
            int e = owner[i];
            if (fromAnswer[i]) {
                bestSentence[e] = Math.max(bestSentence[e], cos);
            } else if (temperature > 0) {
                pooled[e] += Math.exp((cos - 1) / temperature); // cos <= 1: shifted by 1 so nothing overflows
                matched[e]++;
            } else {
                pooled[e] = Math.max(pooled[e], cos);
                matched[e]++;
            }
        }
        double[] out = new double[entries];
        for (int e = 0; e < entries; e++) {
            if (matched[e] == 0) continue;
            double score = temperature > 0 ? 1 + temperature * Math.log(pooled[e] / matched[e]) : pooled[e];
            out[e] = score + answerWeight * bestSentence[e];
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int k = 0; k < a.length; k++) dot += a[k] * b[k];
        return dot;
    }
}
