package org.queqiao.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a to_tsquery expression from the query's lexemes: every term must match (AND).
 *
 * <p>A Chinese word W = c1c2… becomes {@code (W | c1 <-> c2 <-> …)}: the word itself, or its characters
 * next to each other, which the document has when it holds W as a word, inside a longer word (项目 in
 * 项目组), as single-character words, or cut differently at a word edge (see {@link TextSegmenter#documentTokens}).
 * Single characters that smartcn leaves unsegmented but that were typed together (names such as 张伟, and
 * 下周) become the phrase {@code (张 <-> 伟)} the same way. A plain AND of the characters would find a little
 * more, but in chat that is mostly noise: 会议 would match "我会在议程里…", 张伟 "张总说这很伟大", and a long
 * message almost any pair of common characters. Separate words of the query (鹊桥项目 into 鹊桥, 项目) are
 * ANDed, not phrased: a phrase across words would break wherever the document's words differ in length.
 */
final class QueryTerms implements Words.Sink {
    private final int maxTerms;
    private final Set<String> terms = new LinkedHashSet<>();
    private final List<String> characters = new ArrayList<>();

    QueryTerms(int maxTerms) {
        this.maxTerms = maxTerms;
    }

    @Override
    public boolean accept(String lexeme, boolean touching) {
        // a phrase as long as the term cap at most: each character is an index lookup too
        if (Lexemes.isHanChar(lexeme) && touching && !characters.isEmpty() && characters.size() < maxTerms) {
            characters.add(lexeme);
            return true;
        }
        flushCharacters();
        if (Lexemes.isHanChar(lexeme)) characters.add(lexeme);
        else terms.add(Lexemes.isHanWord(lexeme) ? "(" + lexeme + " | " + phrase(lexeme.codePoints().mapToObj(Character::toString).toList()) + ")" : lexeme);
        return terms.size() < maxTerms;
    }

    Optional<String> expression() {
        flushCharacters();
        return terms.isEmpty() ? Optional.empty() : Optional.of(terms.stream().limit(maxTerms).collect(Collectors.joining(" & ")));
    }

    private void flushCharacters() {
        if (characters.size() == 1) terms.add(characters.getFirst());
        else if (characters.size() > 1) terms.add("(" + phrase(characters) + ")");
        characters.clear();
    }

    private static String phrase(List<String> characters) {
        return String.join(" <-> ", characters);
    }
}
