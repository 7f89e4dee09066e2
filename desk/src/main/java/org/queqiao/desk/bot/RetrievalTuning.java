package org.queqiao.desk.bot;

/**
 * The knobs of retrieval, chosen by measurement on the bilingual development set (bench DeskBotBench,
 * which prints the comparison); {@link #DEFAULT} is what won. Kept as a record so the bench can replay
 * the alternatives that lost, and the desk service never has to know they exist.
 *
 * @param bigramWeight     weight of the Chinese character-pair field against smartcn's words (0 = not used)
 * @param answerWeight     weight of the answer text (0 = not indexed)
 * @param englishStopWords drop English stop words on both sides
 * @param k1               BM25 term-frequency saturation
 * @param b                BM25 length normalisation (0.3 and k1 0.8 measured no better than Lucene's defaults)
 */
public record RetrievalTuning(float bigramWeight, float answerWeight, boolean englishStopWords, float k1, float b) {
    public static final RetrievalTuning DEFAULT = new RetrievalTuning(1.0f, 0.5f, true, 1.2f, 0.75f);
}
