package org.queqiao.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TextSegmenterTest {
    static final TextSegmenter SEGMENTER = new TextSegmenter();

    /** One term: a lexeme, a Chinese word or its characters as a phrase, or a phrase of characters; terms ANDed. */
    static final String LEXEME = "[\\p{L}\\p{N}\\p{M}]+";
    static final String PHRASE = LEXEME + "( <-> " + LEXEME + ")+";
    static final String TERM = "(" + LEXEME + "|\\(" + LEXEME + " \\| " + PHRASE + "\\)|\\(" + PHRASE + "\\))";
    static final String EXPRESSION = TERM + "( & " + TERM + ")*";

    static List<String> doc(String text) {
        String tokens = SEGMENTER.documentTokens(text);
        return tokens.isEmpty() ? List.of() : Arrays.asList(tokens.split(" "));
    }

    static String query(String q) {
        return SEGMENTER.queryExpression(q).orElseThrow(() -> new AssertionError("no expression for " + q));
    }

    /** The lexemes a query mentions; the document holding all of them is a match (adjacency is checked in PostgreSQL). */
    static List<String> lexemes(String expression) {
        return Arrays.stream(expression.split("[ &|()<>-]+")).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void chineseIsSegmentedIntoWordsBetweenTheirCharacters() {
        List<String> tokens = doc("我们明天下午开会讨论鹊桥项目。");
        assertThat(tokens).containsSubsequence("开", "会", "开会", "开", "会", "讨", "论", "讨论")
                .containsSubsequence("鹊", "桥", "鹊桥", "鹊", "桥", "项", "目", "项目", "项", "目")
                .doesNotContain("。", "开会讨论", "会议");
        for (String q : List.of("开会", "项目", "鹊桥", "鹊桥项目", "开", "桥", "讨论 项目", "明天下午")) {
            assertThat(tokens).as(q).containsAll(lexemes(query(q)));
        }
        assertThat(doc("下周五")).containsExactly("下", "周", "五", "周五", "周", "五");
    }

    @Test
    void chineseQueryWordsAndCharactersTypedTogetherArePhrases() {
        assertThat(query("开会")).isEqualTo("(开会 | 开 <-> 会)");
        assertThat(query("鹊桥项目")).isEqualTo("(鹊桥 | 鹊 <-> 桥) & (项目 | 项 <-> 目)");
        assertThat(query("桥")).isEqualTo("桥");
        // smartcn leaves names and short runs as single characters
        assertThat(query("张伟")).isEqualTo("(张 <-> 伟)");
        assertThat(query("钉钉")).isEqualTo("(钉 <-> 钉)");
        assertThat(query("张 伟")).isEqualTo("张 & 伟");
        assertThat(query("下周一开会")).isEqualTo("下 & (周一 | 周 <-> 一) & (开会 | 开 <-> 会)");
    }

    @Test
    void englishIsStemmedAlikeOnBothSides() {
        assertThat(doc("The Meetings were running late")).containsExactly("the", "meet", "were", "run", "late");
        assertThat(query("meeting")).isEqualTo("meet");
        assertThat(query("MEETINGS")).isEqualTo("meet");
        assertThat(query("meetings notes")).isEqualTo("meet & note");
        assertThat(doc("please read the meeting notes")).containsAll(lexemes(query("Meetings Note")));
    }

    @Test
    void mixedChineseAndEnglish() {
        List<String> tokens = doc("下周的Zoom会议");
        assertThat(tokens).contains("zoom", "会议", "会", "议");
        for (String q : List.of("zoom", "Zoom会议", "会议", "下周", "下周 zoom")) {
            assertThat(tokens).as(q).containsAll(lexemes(query(q)));
        }
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAscii() {
        assertThat(doc("ＺＯＯＭ会议１２３")).containsSubsequence("zoom", "会议", "123");
        assertThat(query("ＺＯＯＭ")).isEqualTo("zoom");
        assertThat(query("zoom")).isEqualTo(query("Ｚｏｏｍ"));
    }

    @Test
    void numbersAreKeptAndPunctuationDropped() {
        assertThat(doc("CPU超过90%，金额￥1,280.50！")).contains("cpu", "90", "1", "280", "50")
                .allMatch(t -> t.matches(LEXEME));
        assertThat(query("1,280.50")).isEqualTo("1 & 280 & 50");
    }

    @Test
    void otherScriptsStayWholeWords() {
        assertThat(doc("Привет, как дела? 안녕하세요 café naïve")).containsExactly("привет", "как", "дела", "안녕하세요", "café", "naïve");
        assertThat(query("ПРИВЕТ")).isEqualTo("привет");
    }

    @Test
    void emojiAndSymbolsBreakNothing() {
        assertThat(doc("😀👍 hello！？…… 你好🙂世界 ★☆→ ©®™")).containsExactly("hello", "你", "好", "你好", "你", "好", "世", "界", "世界", "世", "界", "tm");
        assertThat(SEGMENTER.queryExpression("😀👍🙂")).isEmpty();
        assertThat(query("hello😀")).isEqualTo("hello");
        assertThat(doc("meetings😀")).containsExactly("meet");
    }

    @Test
    void emptyAndBlankHaveNothing() {
        assertThat(SEGMENTER.documentTokens(null)).isEmpty();
        assertThat(SEGMENTER.documentTokens("")).isEmpty();
        assertThat(SEGMENTER.documentTokens(" \t\n\u3000")).isEmpty();
        assertThat(SEGMENTER.documentTokens("。，！？……")).isEmpty();
        for (String q : Arrays.asList(null, "", "   ", "\u3000", "&|!()<>:*'\\", "\"\"", "。，")) {
            assertThat(SEGMENTER.queryExpression(q)).as(String.valueOf(q)).isEmpty();
        }
    }

    @Test
    void operatorsTypedByTheUserAreJustPunctuation() {
        assertThat(query("it's \"quoted\" & risky (message) :* with !operators <-> a|b")).matches(EXPRESSION)
                .isEqualTo("it & s & quot & riski & messag & with & oper & a & b");
        assertThat(query("＆｜！（项目）")).isEqualTo("(项目 | 项 <-> 目)");
    }

    @Test
    void aVeryLongTextIsCapped() {
        String longText = "我们明天下午开会讨论鹊桥项目 please review the meeting notes. ".repeat(5_000);
        long t0 = System.nanoTime();
        String tokens = SEGMENTER.documentTokens(longText);
        assertThat(tokens.split(" ")).hasSize(TextSegmenter.MAX_DOCUMENT_TOKENS);
        assertThat(tokens.length()).isLessThanOrEqualTo(TextSegmenter.MAX_DOCUMENT_CHARS);
        assertThat(System.nanoTime() - t0).as("capped work").isLessThan(5_000_000_000L);

        String longWord = "a".repeat(100) + " " + "中".repeat(10);
        assertThat(doc(longWord)).first().isEqualTo("a".repeat(Lexemes.MAX_CODE_POINTS));
        assertThat(doc(longWord)).last().isEqualTo("中");
        assertThat(query("x".repeat(1_000))).isEqualTo("x".repeat(Lexemes.MAX_CODE_POINTS));

        String manyWords = String.join(" ", java.util.stream.IntStream.range(0, 100).mapToObj(i -> "w" + i).toList());
        assertThat(query(manyWords).split(" & ")).hasSize(TextSegmenter.MAX_QUERY_TERMS);
    }

    @Test
    void aMessageOfMaximumLengthIsIndexedWhole() {
        String chinese = "我们明天下午开会讨论鹊桥项目的进度和预算问题".repeat(5_000 / 22 + 1).substring(0, 5_000);
        List<String> tokens = doc(chinese + " 尾巴");
        assertThat(tokens.size()).isLessThan(TextSegmenter.MAX_DOCUMENT_TOKENS);
        assertThat(tokens).endsWith("尾", "巴", "尾巴", "尾", "巴");
    }

    @Test
    void hostileQueriesAlwaysGiveAWellFormedExpression() {
        for (String q : HostileInput.strings(5_000, 7)) {
            SEGMENTER.queryExpression(q).ifPresent(e -> assertThat(e).as(q).matches(EXPRESSION));
            String tokens = SEGMENTER.documentTokens(q);
            if (!tokens.isEmpty()) assertThat(tokens).as(q).matches(LEXEME + "( " + LEXEME + ")*");
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> texts = new ArrayList<>(HostileInput.strings(200, 11));
        texts.addAll(List.of("我们明天下午开会讨论鹊桥项目", "下周的Zoom会议", "The meetings were running late"));
        List<String> expected = texts.stream().map(SEGMENTER::documentTokens).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>(java.util.Collections.nCopies(texts.size(), (String) null));
                    Random rnd = new Random(seed);
                    for (int n = 0; n < 2_000; n++) {
                        int i = rnd.nextInt(texts.size());
                        String got = SEGMENTER.documentTokens(texts.get(i));
                        if (out.get(i) != null && !out.get(i).equals(got)) throw new AssertionError("unstable: " + texts.get(i));
                        out.set(i, got);
                    }
                    return out;
                }));
            }
            for (Future<List<String>> f : results) {
                List<String> out = f.get();
                for (int i = 0; i < texts.size(); i++) {
                    if (out.get(i) != null) assertThat(out.get(i)).as(texts.get(i)).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
