package org.queqiao.desk.bot;

import java.util.List;

/**
 * The bot's knowledge base of one organisation as the bot searches it: the current {@link FaqIndex},
 * replaced whole when the admin changes the FAQs. Searches read the current index without locking (a
 * volatile read) and keep using the one they started on; a replacement is built off to the side and
 * published in one write, so a search sees either the old knowledge base or the new one, never a mix.
 */
public final class KnowledgeBase {
    private final FaqAnalysis analysis;
    private final RetrievalTuning tuning;
    private final TextEmbedder embedder;
    private volatile FaqIndex current;

    /** BM25 only. */
    public KnowledgeBase() {
        this(RetrievalTuning.DEFAULT, null);
    }

    /** BM25 only, with other retrieval settings: for the bench that compares them. */
    public KnowledgeBase(RetrievalTuning tuning) {
        this(tuning, null);
    }

    /**
     * @param embedder null for BM25 only; else e.g. {@code BgeEmbedder.shared()} with {@link RetrievalTuning#HYBRID}.
     *                 Shared by all knowledge bases of the process: it is thread-safe and costly to load.
     */
    public KnowledgeBase(RetrievalTuning tuning, TextEmbedder embedder) {
        this.tuning = tuning;
        this.embedder = embedder;
        this.analysis = new FaqAnalysis(tuning.englishStopWords());
        this.current = FaqIndex.build(List.of(), analysis, tuning, embedder, null);
    }

    /**
     * Builds an index of these entries and makes it the current one; with an embedder, only texts that the
     * current version does not have are embedded (a few ms each). Synchronised so that two changes saved one
     * after the other are published in that order: without it, the slower build of the older version could be
     * swapped in last and win. Searches are not held up meanwhile.
     */
    public synchronized void replace(List<FaqEntry> entries) {
        current = FaqIndex.build(entries, analysis, tuning, embedder, current);
    }

    /** The index searches use now; hold on to it to make several searches against the same version. */
    public FaqIndex current() {
        return current;
    }

    /** The best {@code max} entries for a visitor's text, with the confidence in the first. */
    public FaqSearchResult search(String text, int max) {
        return current.search(text, max);
    }
}
