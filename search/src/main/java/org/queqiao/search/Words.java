package org.queqiao.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** One pass of the analyzer over a text, handing its lexemes in order to a sink that may stop it early. */
final class Words {
    /** Receives lexemes in text order; returns false to stop the pass. */
    interface Sink {
        /** @param touching a Chinese word that starts where the previous analyzer token ended (no space or punctuation between) */
        boolean accept(String lexeme, boolean touching);
    }

    private Words() {}

    /**
     * NFKC turns full-width letters and digits into ASCII (ＺＯＯＭ１２３ into zoom123) and ligatures, circled
     * digits and the like into plain ones; lower-casing is done here, once, for every script, because smartcn
     * lower-cases Latin only. The text is cut first (not mid surrogate pair) so a giant one costs bounded work.
     */
    static String normalise(String text, int maxChars) {
        int end = Math.min(text.length(), maxChars);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return Normalizer.normalize(text.substring(0, end), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Analyses normalised text; the TokenStream is per call (the Analyzer reuses one per thread, which is its thread-safety contract). */
    static void analyse(Analyzer analyzer, String text, Sink sink) {
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            Run run = new Run(text);
            int previousEnd = -1;
            while (ts.incrementToken()) {
                String t = term.toString();
                boolean more;
                if (Lexemes.isNonHanWord(t)) {
                    more = run.add(t, offset.startOffset(), offset.endOffset(), sink);
                } else if (Lexemes.isHan(t) && t.length() <= Lexemes.MAX_CODE_POINTS) {
                    more = run.flush(sink) && sink.accept(t, offset.startOffset() == previousEnd);
                } else {
                    more = run.flush(sink) && Lexemes.split(t, lexeme -> sink.accept(lexeme, false));
                }
                previousEnd = offset.endOffset();
                // stopping early still closes the stream (try-with-resources), so the thread's reused one stays usable
                if (!more) return;
            }
            ts.end();
            run.flush(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
    }

    /**
     * smartcn knows ASCII letters only: it cuts "привет", "안녕하세요" and "café" into single letters, which
     * would make every Cyrillic or Korean message match every query of the same letters. Tokens that touch
     * (one ends where the next starts), are not Han and include a non-ASCII one are put back together as the
     * text had them. Touching plain ASCII tokens ("iphone" "15") stay as smartcn made them, so English keeps
     * its stemming.
     */
    private static final class Run {
        private final String text;
        private final List<String> tokens = new ArrayList<>();
        private int start;
        private int end;
        private boolean nonAscii;

        Run(String text) {
            this.text = text;
        }

        boolean add(String token, int tokenStart, int tokenEnd, Sink sink) {
            if (!tokens.isEmpty() && tokenStart != end && !flush(sink)) return false;
            if (tokens.isEmpty()) start = tokenStart;
            tokens.add(token);
            end = tokenEnd;
            nonAscii |= token.chars().anyMatch(c -> c > 0x7f);
            return true;
        }

        boolean flush(Sink sink) {
            Predicate<String> plain = lexeme -> sink.accept(lexeme, false);
            try {
                if (tokens.size() > 1 && nonAscii) return Lexemes.split(text.substring(start, end), plain);
                for (String t : tokens) {
                    if (!Lexemes.split(t, plain)) return false;
                }
                return true;
            } finally {
                tokens.clear();
                nonAscii = false;
            }
        }
    }
}
