package org.queqiao.search;

import java.util.function.Predicate;

/**
 * What a lexeme may contain: letters, digits and combining marks, nothing else. PostgreSQL's default
 * text search parser cuts at everything else (and builds compound tokens from "a-b", "x.y", e-mail
 * addresses), and to_tsquery gives meaning to ASCII punctuation ({@code & | ! ( ) < > : * ' \}); a
 * lexeme of word characters only is one plain operand to both, whatever the user typed.
 */
final class Lexemes {
    /** Longer runs are cut, the same way on both sides, so a pasted identifier still finds itself; keeps the tsvector far below 1 MB. */
    static final int MAX_CODE_POINTS = 40;

    private Lexemes() {}

    static boolean isWordChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    static boolean isHan(int cp) {
        if (cp >= 0x4E00 && cp <= 0x9FFF) return true; // the common block, without the script table's binary search
        return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Chinese characters only (smartcn never mixes them with anything else in one token); not Han symbols such as radicals. */
    static boolean isHan(String token) {
        if (token.isEmpty()) return false;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            if (!isHan(cp) || !isWordChar(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** A Chinese word of two or more characters: the ones whose characters are indexed one by one as well. */
    static boolean isHanWord(String lexeme) {
        return lexeme.length() > 1 && lexeme.codePointCount(0, lexeme.length()) > 1 && isHan(lexeme);
    }

    static boolean isHanChar(String lexeme) {
        return lexeme.length() <= 2 && lexeme.codePointCount(0, lexeme.length()) == 1 && isHan(lexeme);
    }

    /** True when every code point is a word character and none is Han (smartcn's pieces of "café", "привет"). */
    static boolean isNonHanWord(String token) {
        if (token.isEmpty()) return false;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            if (!isWordChar(cp) || isHan(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Passes each run of word characters in {@code token} to {@code sink}; false when the sink wants no more. */
    static boolean split(String token, Predicate<String> sink) {
        int i = 0;
        int n = token.length();
        while (i < n) {
            int cp;
            while (i < n && !isWordChar(cp = token.codePointAt(i))) i += Character.charCount(cp);
            int start = i;
            int count = 0;
            int cut = -1;
            while (i < n && isWordChar(cp = token.codePointAt(i))) {
                if (++count == MAX_CODE_POINTS + 1) cut = i;
                i += Character.charCount(cp);
            }
            if (i > start && !sink.test(token.substring(start, cut < 0 ? i : cut))) return false;
        }
        return true;
    }
}
