package org.queqiao.desk.bot;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffPhrasesTest {
    private final HandoffPhrases phrases = new HandoffPhrases();

    @ParameterizedTest
    @ValueSource(strings = {"人工", "转人工", "转 人工！", "人工客服", "我要人工服务", "找客服", "真人", "我要真人回答", "人工呢", "有人吗",
            "ＡＧＥＮＴ", "agent", "Agent please", "human!", "I want a human", "real person", "can I talk to someone",
            "Let me speak to a human", "speak with an agent about my claim please, the bot is useless", "connect me to support",
            "I need a live agent", "representative"})
    void recognisesAskingForAPerson(String text) {
        assertThat(phrases.requested(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"agenda", "what's on the agenda today", "人工智能课程有吗", "真人认证失败怎么办", "客服电话是多少",
            "how do I reach my insurance agent about a claim on my policy", "human resources department address for the job fair",
            "reagent", "personal data export", "humane society donation receipt", "", "   "})
    void ignoresWordsThatOnlyLookAlike(String text) {
        assertThat(phrases.requested(text)).as(text).isFalse();
    }
}
