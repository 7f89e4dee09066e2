package org.queqiao.desk.bot;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerSentencesTest {
    @Test
    void cutsAtSentenceEndsAndSemicolonsButNotAtCommas() {
        assertThat(AnswerSentences.of("登录App进入“我的保单”，选择要退的保单；犹豫期内退保全额退还保费。一般3-5个工作日到账！"))
                .containsExactly("登录App进入“我的保单”，选择要退的保单", "犹豫期内退保全额退还保费", "一般3-5个工作日到账");
        assertThat(AnswerSentences.of("Go to Orders, pick the item. Refunds take 3.5 days.\nCall us if not."))
                .containsExactly("Go to Orders, pick the item", "Refunds take 3.5 days", "Call us if not");
    }

    @Test
    void dropsFragmentsAndRepeatsAndStopsAtTheCap() {
        assertThat(AnswerSentences.of("好的。OK. 好的。请在App里操作。")).containsExactly("请在App里操作");
        String manual = String.join(" ", IntStream.range(0, 40).mapToObj(i -> "Step number " + i + ".").toList());
        assertThat(AnswerSentences.of(manual)).hasSize(AnswerSentences.MAX_SENTENCES).startsWith("Step number 0");
    }
}
