package org.queqiao.desk.bot;

/**
 * The knobs of retrieval, chosen by measurement on the bilingual development set (bench DeskBotBench,
 * which prints the comparison); {@link #DEFAULT} and {@link #HYBRID} are what won. Kept as a record so the
 * bench can replay the alternatives that lost, and the desk service never has to know they exist.
 *
 * @param bigramWeight     weight of the Chinese characters-and-pairs field against smartcn's words (0 = not used)
 * @param answerWeight     weight of the answer text in BM25 (0 = not indexed)
 * @param englishStopWords drop English stop words on both sides
 * @param k1               BM25 term-frequency saturation
 * @param b                BM25 length normalisation (0.3 and k1 0.8 measured no better than Lucene's defaults)
 * @param embeddingWeight  with an embedder: weight of the cosine against BM25 in the blend (1 = cosine only)
 * @param embedAnswers     with an embedder: also embed each question together with its answer
 * @param poolTemperature  with an embedder: how an entry's phrasing vectors (and question&answer) become one score:
 *                         0 = the best cosine; above 0 a soft maximum, t·log(mean(exp(cos/t))), so an entry that
 *                         several of its phrasings match beats one that a single phrasing matches a little better.
 *                         The mean's price: a phrasing far from the question lowers its entry by at most
 *                         t·ln(n) for n phrasings (0.05 for five at 0.03); summing instead measured the same
 * @param answerSentenceWeight with an embedder: weight of the best cosine with one sentence of the answer, added to
 *                         the pooled score (0 = answer sentences are not embedded); a visitor often asks about a
 *                         detail the answer names and no phrasing does ("冷静期" for the 犹豫期 entry)
 * @param questionForm     with an embedder: embed the visitor's text as a question ({@link QuestionForm})
 */
public record RetrievalTuning(float bigramWeight, float answerWeight, boolean englishStopWords, float k1, float b,
                              float embeddingWeight, boolean embedAnswers, float poolTemperature, float answerSentenceWeight,
                              boolean questionForm) {
    /** BM25 only (no embedder). */
    public static final RetrievalTuning DEFAULT = new RetrievalTuning(1.0f, 0.5f, true, 1.2f, 0.75f, 0f, false, 0f, 0f, false);
    /**
     * For a KnowledgeBase given a TextEmbedder. The blend that won gives BM25 no weight in the ranking: on the
     * dev set's paraphrases (per-organisation KBs) top-1 is 83.1 % with cosines only, 81.5 % with 0.1 BM25,
     * 79.5 % with 0.2, 73.0 % with 0.5 (reciprocal rank fusion was worse still in a first trial); embedding each
     * question with its answer too raised top-1 from 81.3 to 83.1 %. BM25 still serves without an embedder,
     * and decides that a text without any searchable word gets no answer. Soft-maximum pooling at 0.03 and the
     * answer's sentences at 0.3 were chosen on one half of the dev set's paraphrases and checked on the other
     * (DeskBotBench prints both halves), and the visitor's text is embedded as a question: see BENCHMARKS.md for the figures.
     */
    public static final RetrievalTuning HYBRID = new RetrievalTuning(1.0f, 0.5f, true, 1.2f, 0.75f, 1.0f, true, 0.03f, 0.3f, true);

    public RetrievalTuning {
        if (poolTemperature < 0) throw new IllegalArgumentException("poolTemperature must be 0 (best cosine) or more");
        if (answerSentenceWeight < 0) throw new IllegalArgumentException("answerSentenceWeight must be 0 (unused) or more");
    }

    /** BM25 settings alone, for the bench's comparisons. */
    public RetrievalTuning(float bigramWeight, float answerWeight, boolean englishStopWords, float k1, float b) {
        this(bigramWeight, answerWeight, englishStopWords, k1, b, 0f, false, 0f, 0f, false);
    }

    /** These BM25 settings with an embedding blend; the entry's vectors scored by their best cosine. */
    public RetrievalTuning withEmbedding(float weight, boolean answers) {
        return new RetrievalTuning(bigramWeight, answerWeight, englishStopWords, k1, b, weight, answers, 0f, 0f, false);
    }

    /** These settings with another pooling of an entry's vectors and weight of its answer's sentences. */
    public RetrievalTuning withPooling(float temperature, float answerSentences) {
        return new RetrievalTuning(bigramWeight, answerWeight, englishStopWords, k1, b, embeddingWeight, embedAnswers, temperature, answerSentences,
                questionForm);
    }

    /** These settings with the visitor's text embedded as it is or as a question. */
    public RetrievalTuning withQuestionForm(boolean asQuestion) {
        return new RetrievalTuning(bigramWeight, answerWeight, englishStopWords, k1, b, embeddingWeight, embedAnswers, poolTemperature,
                answerSentenceWeight, asQuestion);
    }
}
