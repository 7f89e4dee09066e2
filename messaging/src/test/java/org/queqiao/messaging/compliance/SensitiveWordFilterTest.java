package org.queqiao.messaging.compliance;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensitiveWordFilterTest {
    private static ChatPolicy.Word block(String w) {
        return new ChatPolicy.Word(w, ChatPolicy.Action.BLOCK);
    }

    private static ChatPolicy.Word mask(String w) {
        return new ChatPolicy.Word(w, ChatPolicy.Action.MASK);
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        var f = SensitiveWordFilter.build(List.of(block("降价"), mask("内幕")));
        String text = "明天下午三点开会";
        var r = f.check(text);
        assertThat(r.blocked()).isFalse();
        assertThat(r.matched()).isEmpty();
        assertThat(r.text()).isSameAs(text);
    }

    @Test
    void blockWinsAndNamesTheWords() {
        var f = SensitiveWordFilter.build(List.of(block("降价"), mask("内幕")));
        var r = f.check("内幕消息：下周降价");
        assertThat(r.blocked()).isTrue();
        assertThat(r.blockedWords()).containsExactly("降价");
        assertThat(r.matched()).containsExactlyInAnyOrder("降价", "内幕");
    }

    @Test
    void masksOnlyTheWordsAndTheSeparatorsInsideThem() {
        var f = SensitiveWordFilter.build(List.of(mask("内幕"), mask("Secret")));
        assertThat(f.check("这是内幕消息").text()).isEqualTo("这是**消息");
        assertThat(f.check("这是内 幕消息").text()).isEqualTo("这是***消息");
        assertThat(f.check("the SECRET plan, ｓｅｃｒｅｔ too").text()).isEqualTo("the ****** plan, ****** too");
        assertThat(f.check("s.e.c.r.e.t!").text()).isEqualTo("***********!");
        assertThat(f.check("内\u200B幕").text()).isEqualTo("***");
    }

    @Test
    void overlappingAndNestedWordsAreAllFound() {
        var f = SensitiveWordFilter.build(List.of(mask("中国"), mask("中国人"), mask("国人民"), block("he"), mask("she"), mask("hers")));
        var r = f.check("中国人民");
        assertThat(r.matched()).containsExactlyInAnyOrder("中国", "中国人", "国人民");
        assertThat(r.text()).isEqualTo("****");
        assertThat(f.check("ushers").matched()).containsExactlyInAnyOrder("she", "he", "hers");
    }

    @Test
    void emojiAndSurrogatePairsSurvive() {
        var f = SensitiveWordFilter.build(List.of(mask("😀坏")));
        assertThat(f.check("好😀坏事").text()).isEqualTo("好**事");
        assertThat(f.check("🙂🙂").text()).isEqualTo("🙂🙂");
    }

    @Test
    void invalidWordsAreNamed() {
        assertThatThrownBy(() -> SensitiveWordFilter.build(List.of(mask("ok"), mask(" "))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.field()).isEqualTo("sensitiveWords[1]"));
        assertThatThrownBy(() -> SensitiveWordFilter.build(List.of(mask("..."))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("word_blank"));
        assertThatThrownBy(() -> SensitiveWordFilter.build(List.of(mask("x".repeat(51)))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("word_too_long"));
        // the same word twice: block wins
        assertThat(SensitiveWordFilter.build(List.of(mask("ab"), block("AB"))).check("xaby").blocked()).isTrue();
    }

    /** The automaton finds exactly what a naive search over the separator-free text finds. */
    @Test
    void agreesWithANaiveMatcherOnRandomText() {
        Random rnd = new Random(42);
        String alphabet = "abc中国人 .*";
        for (int round = 0; round < 300; round++) {
            List<ChatPolicy.Word> words = new ArrayList<>();
            Set<String> keys = new TreeSet<>();
            for (int i = 0; i < 1 + rnd.nextInt(8); i++) {
                String w = random(rnd, "abc中国人", 1 + rnd.nextInt(4));
                words.add(mask(w));
                keys.add(w);
            }
            var f = SensitiveWordFilter.build(words);
            for (int t = 0; t < 20; t++) {
                String text = random(rnd, alphabet, rnd.nextInt(40));
                String compact = text.replaceAll("[ .*]", "");
                Set<String> expected = new TreeSet<>();
                for (String k : keys) if (compact.contains(k)) expected.add(k);
                assertThat(new TreeSet<>(f.check(text).matched())).as("%s in %s", keys, text).isEqualTo(expected);
            }
        }
    }

    private static String random(Random rnd, String alphabet, int len) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return b.toString();
    }
}
