package org.queqiao.desk.bot;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A visitor's question as a Lucene query (every term of every field, any may match, weighted per field),
 * together with its self-score: what a phrasing made of exactly the question's terms would score. Raw BM25
 * scores grow with the length of the question and the rarity of its words, so they say nothing across
 * questions; the top score over the self-score does. A word no FAQ contains still counts in the self-score
 * with the highest idf, which is what makes "how do I return a kayak" less sure than "how do I return an item".
 */
record FaqQuery(Query lucene, double selfScore) {
    /** Visitors' questions are short; a longer text (a pasted email) is cut before analysis. */
    static final int MAX_CHARS = 500;

    /** The text cut at MAX_CHARS (never inside a surrogate pair); "" for null. */
    static String cap(String text) {
        if (text == null) return "";
        if (text.length() <= MAX_CHARS) return text;
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    /** Null when the text has no searchable term (punctuation, emoji, stop words only). */
    static FaqQuery of(String text, FaqAnalysis analysis, RetrievalTuning tuning, IndexSearcher searcher) throws IOException {
        String normalised = FaqAnalysis.normalise(cap(text), MAX_CHARS);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        double self = 0;
        int clauses = 0;
        for (String field : List.of(FaqAnalysis.WORDS, FaqAnalysis.GRAMS, FaqAnalysis.ANSWER)) {
            float weight = switch (field) {
                case FaqAnalysis.GRAMS -> tuning.bigramWeight();
                case FaqAnalysis.ANSWER -> tuning.answerWeight();
                default -> 1f;
            };
            if (weight <= 0) continue;
            List<String> terms = analysis.terms(field, normalised);
            CollectionStatistics stats = searcher.collectionStatistics(field);
            if (terms.isEmpty() || stats == null) continue;
            double avgLength = (double) stats.sumTotalTermFreq() / stats.docCount();
            double lengthNorm = tuning.k1() * (1 - tuning.b() + tuning.b() * terms.size() / avgLength);
            for (String t : new LinkedHashSet<>(terms)) {
                Term term = new Term(field, t);
                query.add(new BoostQuery(new TermQuery(term), weight), BooleanClause.Occur.SHOULD);
                clauses++;
                // The answer is a tie-breaker, not a phrasing: it is left out of what the question could score at best.
                if (!field.equals(FaqAnalysis.ANSWER)) {
                    self += weight * idf(searcher.getIndexReader().docFreq(term), stats.docCount()) / (1 + lengthNorm);
                }
            }
        }
        return clauses == 0 ? null : new FaqQuery(query.build(), self);
    }

    /** BM25Similarity's idf, so the self-score is in the same units as Lucene's scores. */
    private static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}
