package org.queqiao.desk.bot;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An immutable, in-memory BM25 index over one version of a knowledge base. Built whole, then only read:
 * any number of threads may search it at once (IndexSearcher and the analyzers are thread-safe), and a
 * new version of the knowledge base is a new FaqIndex swapped in by {@link KnowledgeBase}, so a search
 * never sees a half-built one.
 *
 * <p>With a {@link TextEmbedder}, each entry's BM25 score is blended with the semantic score of the question's
 * sentence vector against the entry's ({@link FaqVectors}); see RetrievalTuning for the weights and what they
 * were measured at.
 *
 * <p>Each phrasing (the question and every alternative) is its own Lucene document carrying the entry's
 * number, and an entry scores as its best phrasing: with one document per entry, an entry with many
 * alternatives would be a long document and lose to a terse one on length normalisation alone.
 */
public final class FaqIndex {
    /** Phrasings read per search before grouping by entry; far more than the few entries anyone is shown. */
    private static final int HITS = 64;
    private static final String ENTRY = "entry";

    private final List<FaqEntry> entries;
    private final FaqAnalysis analysis;
    private final RetrievalTuning tuning;
    private final IndexSearcher searcher;
    private final TextEmbedder embedder;   // null: BM25 only
    private final FaqVectors vectors;      // null: BM25 only

    private FaqIndex(List<FaqEntry> entries, FaqAnalysis analysis, RetrievalTuning tuning, IndexSearcher searcher,
                     TextEmbedder embedder, FaqVectors vectors) {
        this.entries = entries;
        this.analysis = analysis;
        this.tuning = tuning;
        this.searcher = searcher;
        this.embedder = embedder;
        this.vectors = vectors;
    }

    /** @param embedder null for BM25 only; {@code previous} (may be null) lends the vectors of texts it already had */
    static FaqIndex build(List<FaqEntry> entries, FaqAnalysis analysis, RetrievalTuning tuning, TextEmbedder embedder, FaqIndex previous) {
        List<FaqEntry> copy = List.copyOf(entries);
        FaqVectors vectors = embedder == null ? null
                : FaqVectors.build(copy, embedder, tuning, previous == null ? null : previous.vectors);
        Analyzer perField = new PerFieldAnalyzerWrapper(analysis.analyzer(FaqAnalysis.WORDS),
                Map.of(FaqAnalysis.GRAMS, analysis.analyzer(FaqAnalysis.GRAMS)));
        BM25Similarity similarity = new BM25Similarity(tuning.k1(), tuning.b());
        // heap only: the knowledge base is rebuilt from the database on start, so nothing needs to be on disk
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(perField).setSimilarity(similarity)
                .setMergeScheduler(new SerialMergeScheduler()).setCommitOnClose(true);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < copy.size(); i++) {
                FaqEntry e = copy.get(i);
                String answer = FaqAnalysis.normalise(e.answer(), Integer.MAX_VALUE);
                for (String phrasing : e.phrasings()) writer.addDocument(document(i, FaqAnalysis.normalise(phrasing, Integer.MAX_VALUE), answer, tuning));
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to write", e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
            searcher.setSimilarity(similarity);
            searcher.setQueryCache(null); // every question is new; caching would only cost memory
            // The reader is never closed: it holds heap only, and a search may still be running on an index
            // that has just been replaced; the collector frees both once nothing refers to them.
            return new FaqIndex(copy, analysis, tuning, searcher, embedder, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(int entry, String phrasing, String answer, RetrievalTuning tuning) {
        Document doc = new Document();
        doc.add(new StoredField(ENTRY, entry));
        doc.add(new TextField(FaqAnalysis.WORDS, phrasing, Field.Store.NO));
        if (tuning.bigramWeight() > 0) doc.add(new TextField(FaqAnalysis.GRAMS, phrasing, Field.Store.NO));
        if (tuning.answerWeight() > 0) doc.add(new TextField(FaqAnalysis.ANSWER, answer, Field.Store.NO));
        return doc;
    }

    public List<FaqEntry> entries() {
        return entries;
    }

    /**
     * The best {@code max} entries for a visitor's text, and the confidence in the first; {@link FaqSearchResult#NONE}
     * for text without a searchable word. The text is cut at {@link FaqQuery#MAX_CHARS} before analysis.
     */
    public FaqSearchResult search(String text, int max) {
        if (text == null || text.isBlank() || entries.isEmpty() || max <= 0) return FaqSearchResult.NONE;
        try {
            FaqQuery query = FaqQuery.of(text, analysis, tuning, searcher);
            if (query == null) return FaqSearchResult.NONE;
            double[] bm25 = bm25ByEntry(query);
            int wanted = Math.max(max, 2); // confidence looks at the runner-up too
            if (vectors == null) {
                List<FaqMatch> matches = best(bm25, wanted);
                if (matches.isEmpty()) return FaqSearchResult.NONE;
                return result(matches, max, Confidence.of(matches, query.selfScore()));
            }
            // Hybrid: BM25 as the share of the question it explains (score over self-score, as for confidence),
            // blended with the semantic score of the entry's vectors.
            String asked = tuning.questionForm() ? QuestionForm.of(FaqQuery.cap(text)) : FaqQuery.cap(text);
            double[] semantic = vectors.scores(embedder.embed(asked));
            double w = tuning.embeddingWeight();
            double self = Math.max(query.selfScore(), Double.MIN_NORMAL);
            double[] fused = new double[entries.size()];
            for (int i = 0; i < fused.length; i++) fused[i] = w * semantic[i] + (1 - w) * Math.min(1, bm25[i] / self);
            List<FaqMatch> matches = best(fused, wanted);
            return result(matches, max, Confidence.hybrid(matches));
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to read", e);
        }
    }

    /** Each entry's BM25 score: that of its best phrasing, 0 when none matched. */
    private double[] bm25ByEntry(FaqQuery query) throws IOException {
        double[] byEntry = new double[entries.size()];
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query.lucene(), HITS).scoreDocs) {
            int entry = stored.document(hit.doc).getField(ENTRY).numericValue().intValue();
            byEntry[entry] = Math.max(byEntry[entry], hit.score);
        }
        return byEntry;
    }

    /** The {@code n} entries of highest positive score, best first. */
    private List<FaqMatch> best(double[] scores, int n) {
        List<FaqMatch> out = new ArrayList<>(n + 1);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] <= 0) continue;
            if (out.size() == n && scores[i] <= out.getLast().score()) continue;
            int at = out.size();
            while (at > 0 && out.get(at - 1).score() < scores[i]) at--;
            out.add(at, new FaqMatch(entries.get(i), (float) scores[i]));
            if (out.size() > n) out.removeLast();
        }
        return out;
    }

    private static FaqSearchResult result(List<FaqMatch> matches, int max, double confidence) {
        if (matches.isEmpty()) return FaqSearchResult.NONE;
        return new FaqSearchResult(matches.subList(0, Math.min(max, matches.size())), confidence);
    }
}
