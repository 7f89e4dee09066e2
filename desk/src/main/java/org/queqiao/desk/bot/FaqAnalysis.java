package org.queqiao.desk.bot;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How FAQ text and visitors' questions become terms, the same on both sides. Two fields, combined at
 * query time:
 * <ul>
 * <li>{@code words}: smartcn's segmentation (Chinese words; English lower-cased and Porter-stemmed), so
 * 取消保单 and 退保 are words and "refunds" finds "refund";</li>
 * <li>{@code grams}: overlapping pairs of Chinese characters and the characters themselves, so a visitor
 * whose segmentation differs from the FAQ's ("保单号" vs "保单 号"), who writes a near word (退 for 退保)
 * or a homophone typo (理陪 for 理赔), still shares terms with it.</li>
 * </ul>
 * Measured on the dev set (DeskBotBench compare; top-1 on unseen paraphrases, per-organisation KBs / one KB
 * with every FAQ): smartcn words alone 51.2 / 39.6 %, with English stop words 51.8 / 40.7 %, + characters and
 * pairs 55.1 / 46.1 % (pairs without the single characters: 42.9 % on one KB), + the answer at weight 0.5
 * 57.8 / 50.2 %.
 * English stop words are dropped from both: "how do I" appears in half the English FAQs, and left in, it
 * raises a wrong FAQ's score and the self-score that confidence is measured against.
 * Thread-safe: Lucene analyzers keep one token stream per thread.
 */
final class FaqAnalysis {
    static final String WORDS = "words";
    static final String GRAMS = "grams";
    static final String ANSWER = "answer";

    /** Terms of one field are capped: a pasted paragraph must not turn into hundreds of index lookups. */
    static final int MAX_TERMS_PER_FIELD = 48;

    private final Analyzer words;
    private final Analyzer grams;

    FaqAnalysis(boolean englishStopWords) {
        CharArraySet stop = englishStopWords ? stemmedEnglishStopWords() : CharArraySet.EMPTY_SET;
        CharArraySet wordStop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        wordStop.addAll(stop);
        this.words = new SmartChineseAnalyzer(wordStop);
        this.grams = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new CJKWidthFilter(source);
                ts = new LowerCaseFilter(ts);
                ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN, true);
                ts = new PorterStemFilter(ts);
                return new TokenStreamComponents(source, new StopFilter(ts, stop));
            }
        };
        terms(WORDS, "预热 warm up"); // smartcn loads its dictionaries on first use: pay that now, not on a visitor's question
    }

    /** The analyzer indexing one field; the answer is analysed like the phrasings' words. */
    Analyzer analyzer(String field) {
        return GRAMS.equals(field) ? grams : words;
    }

    /** NFKC (full-width letters and digits to ASCII) and lower case for every script, before any analyzer sees the text. */
    static String normalise(String text, int maxChars) {
        int end = Math.min(text.length(), maxChars);
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return Normalizer.normalize(text.substring(0, end), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The terms of already normalised text in one field, in order, repeats kept, at most MAX_TERMS_PER_FIELD. */
    List<String> terms(String field, String normalised) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer(field).tokenStream(field, normalised)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (out.size() < MAX_TERMS_PER_FIELD && ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
        return out;
    }

    /** smartcn stems before it filters stop words, so the list must be stemmed too ("does" arrives as "doe"). */
    private static CharArraySet stemmedEnglishStopWords() {
        CharArraySet out = new CharArraySet(64, false);
        try (Analyzer stemmer = new SmartChineseAnalyzer(false)) {
            for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
                String word = new String((char[]) w);
                out.add(word);
                try (TokenStream ts = stemmer.tokenStream("", word)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) out.add(term.toString());
                    ts.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
