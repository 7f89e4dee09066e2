package org.queqiao.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

import java.util.Optional;

/**
 * Turns message text and search queries into lexemes for PostgreSQL full text search with the 'simple'
 * configuration ({@code to_tsvector('simple', documentTokens(text))}, {@code @@ to_tsquery('simple', queryExpression(q))}),
 * because PostgreSQL cannot segment Chinese. One instance serves the whole process from any number of
 * threads: the Analyzer is built once and is thread-safe (its ReuseStrategy keeps one TokenStream per
 * thread); the TokenStreams, which are not, never leave the call that opened them.
 *
 * <p>English goes through smartcn's Porter stemmer on both sides, so "meetings" finds "meeting" (and
 * "running" finds "run"); the price is that a query word must be a whole word, not a prefix, and the odd
 * over-stemmed pair ("universe"/"university") matches. Numbers are kept; "3.14" and "10:30" become two
 * numbers each, on both sides alike.
 */
public final class TextSegmenter {
    /**
     * A message of chat.max-text-chars (5,000) Chinese characters makes about 10,000 tokens (words and twice
     * their characters), so a whole message is indexed; a larger text is cut. Positions stay below
     * PostgreSQL's 16,383 (beyond it they all collapse into the last), and the characters cap keeps a
     * tsvector of all-distinct long lexemes well under its 1 MB limit.
     */
    static final int MAX_DOCUMENT_TOKENS = 16_000;
    static final int MAX_DOCUMENT_CHARS = 100_000;
    /** Enough input for MAX_DOCUMENT_TOKENS; analysing more of a giant text would only be thrown away. */
    static final int MAX_INPUT_CHARS = 50_000;
    static final int MAX_QUERY_CHARS = 500;
    /** Every term is an index lookup; nobody types more, and a pasted paragraph should not cost a full scan of each. */
    static final int MAX_QUERY_TERMS = 16;

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    public TextSegmenter() {
        // smartcn loads its dictionaries (a few MB) on first use: pay that now, not on someone's first message
        documentTokens("预热 warm up");
    }

    /**
     * The lexemes of a document, separated by single spaces, for {@code to_tsvector('simple', ?)}; empty for
     * a text without any. Each Chinese word of two or more characters also gives its characters one by one,
     * both before and after it ("下 周五" gives "下 周 五 周五 周 五"): a one-character query then finds the
     * words that contain it, and characters that stand next to each other in the text stand next to each
     * other in the tokens too, whether the query's segmentation agrees with the document's or not (下周 still
     * finds 下|周五 and 张伟 finds 张|伟大家), across any two neighbouring words. The cost: Chinese makes
     * about three times the tokens (positions are cheap, the lexemes are stored once), and the index gets
     * single characters, whose posting lists are long; see {@link QueryTerms} for how queries use them.
     */
    public String documentTokens(String text) {
        if (text == null || text.isBlank()) return "";
        TokenLine line = new TokenLine();
        Words.analyse(analyzer, Words.normalise(text, MAX_INPUT_CHARS), (lexeme, touching) -> {
            if (!Lexemes.isHanWord(lexeme)) return line.add(lexeme);
            return line.addCharacters(lexeme) && line.add(lexeme) && line.addCharacters(lexeme);
        });
        return line.toString();
    }

    /**
     * A {@code to_tsquery('simple', ?)} expression that every query word must match (AND), or empty when the
     * query has no searchable word (only punctuation, emoji, blanks). Operators, quotes and backslashes the
     * user typed are dropped with the other punctuation: the result is made of word-character lexemes and
     * the operators built here only, so it cannot be a tsquery syntax error. How Chinese words and
     * characters become terms: {@link QueryTerms}.
     */
    public Optional<String> queryExpression(String userQuery) {
        if (userQuery == null || userQuery.isBlank()) return Optional.empty();
        QueryTerms terms = new QueryTerms(MAX_QUERY_TERMS);
        Words.analyse(analyzer, Words.normalise(userQuery, MAX_QUERY_CHARS), terms);
        return terms.expression();
    }

    /** Lexemes joined by spaces, up to the document caps. */
    private static final class TokenLine {
        private final StringBuilder out = new StringBuilder();
        private int tokens;

        boolean add(String lexeme) {
            return add(lexeme, 0, lexeme.length());
        }

        /** The word's characters one by one, appended without a String each (smartcn already allocates plenty). */
        boolean addCharacters(String word) {
            for (int i = 0; i < word.length(); ) {
                int n = Character.charCount(word.codePointAt(i));
                if (!add(word, i, i + n)) return false;
                i += n;
            }
            return true;
        }

        private boolean add(CharSequence s, int start, int end) {
            if (tokens == MAX_DOCUMENT_TOKENS || out.length() + 1 + end - start > MAX_DOCUMENT_CHARS) return false;
            if (tokens++ > 0) out.append(' ');
            out.append(s, start, end);
            return true;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
