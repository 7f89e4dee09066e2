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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, in-memory BM25 index over one version of a knowledge base. Built whole, then only read:
 * any number of threads may search it at once (IndexSearcher and the analyzers are thread-safe), and a
 * new version of the knowledge base is a new FaqIndex swapped in by {@link KnowledgeBase}, so a search
 * never sees a half-built one.
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

    private FaqIndex(List<FaqEntry> entries, FaqAnalysis analysis, RetrievalTuning tuning, IndexSearcher searcher) {
        this.entries = entries;
        this.analysis = analysis;
        this.tuning = tuning;
        this.searcher = searcher;
    }

    static FaqIndex build(List<FaqEntry> entries, FaqAnalysis analysis, RetrievalTuning tuning) {
        List<FaqEntry> copy = List.copyOf(entries);
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
            return new FaqIndex(copy, analysis, tuning, searcher);
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
            ScoreDoc[] hits = searcher.search(query.lucene(), HITS).scoreDocs;
            StoredFields stored = searcher.storedFields();
            int wanted = Math.max(max, 2); // confidence looks at the runner-up too
            List<FaqMatch> matches = new ArrayList<>(wanted);
            Set<Integer> seen = new HashSet<>();
            for (ScoreDoc hit : hits) { // best first, so an entry's first hit is its best phrasing
                int entry = stored.document(hit.doc).getField(ENTRY).numericValue().intValue();
                if (seen.add(entry)) matches.add(new FaqMatch(entries.get(entry), hit.score));
                if (matches.size() == wanted) break;
            }
            if (matches.isEmpty()) return FaqSearchResult.NONE;
            double confidence = Confidence.of(matches, query.selfScore());
            return new FaqSearchResult(matches.subList(0, Math.min(max, matches.size())), confidence);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail to read", e);
        }
    }
}
