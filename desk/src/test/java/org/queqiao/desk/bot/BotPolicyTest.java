package org.queqiao.desk.bot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.queqiao.desk.bot.FaqFixtures.*;

class BotPolicyTest {
    private final KnowledgeBase kb = knowledgeBase();

    private BotDecision decide(BotSettings settings, String text, int fallbacks) {
        return new BotPolicy(kb, settings).decide(text, fallbacks);
    }

    @Test
    void answersWhenConfident() {
        BotDecision d = decide(new BotSettings(0.5, 0.2, 2, false), "What are the trading hours?", 0);
        assertThat(d).isInstanceOfSatisfying(BotDecision.Answer.class, a -> {
            assertThat(a.entry()).isEqualTo(TRADING_HOURS);
            assertThat(a.confidence()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void suggestsUpToThreeBetweenTheThresholds() {
        BotDecision d = decide(new BotSettings(1.0, 0.0, 2, false), "refund return", 0);
        assertThat(d).isInstanceOfSatisfying(BotDecision.Suggest.class, s -> {
            assertThat(s.entries()).hasSizeBetween(1, 3).contains(REFUND_TIME);
            assertThat(s.confidence()).isLessThan(1.0);
        });
    }

    @Test
    void fallsBackOnNothingGoodThenHandsOffOnTheNthFallbackInARow() {
        BotSettings settings = new BotSettings(0.5, 0.3, 3, false);
        assertThat(decide(settings, "zyxwvut", 0)).isInstanceOf(BotDecision.Fallback.class);
        assertThat(decide(settings, "zyxwvut", 1)).isInstanceOf(BotDecision.Fallback.class);
        assertThat(decide(settings, "zyxwvut", 2)).isEqualTo(new BotDecision.Handoff(HandoffReason.FALLBACKS));
        assertThat(decide(BotSettings.DEFAULT, "zyxwvut", 1)).isEqualTo(new BotDecision.Handoff(HandoffReason.FALLBACKS));
        assertThat(decide(new BotSettings(0.5, 0.3, 0, false), "zyxwvut", 99)).isInstanceOf(BotDecision.Fallback.class);
    }

    @Test
    void lowConfidenceHandsOffAtOnceWhenSetTo() {
        assertThat(decide(new BotSettings(0.5, 0.3, 0, true), "zyxwvut", 0)).isEqualTo(new BotDecision.Handoff(HandoffReason.LOW_CONFIDENCE));
    }

    @Test
    void askingForAPersonWinsOverAnAnswer() {
        assertThat(decide(new BotSettings(0, 0, 2, false), "转人工", 0)).isEqualTo(new BotDecision.Handoff(HandoffReason.REQUESTED));
        assertThat(decide(new BotSettings(0, 0, 2, false), "password reset, or a real person please", 0))
                .isEqualTo(new BotDecision.Handoff(HandoffReason.REQUESTED));
        assertThat(HandoffReason.REQUESTED.wire()).isEqualTo("requested");
        assertThat(HandoffReason.LOW_CONFIDENCE.wire()).isEqualTo("low_confidence");
    }

    @Test
    void blankAndOverLongInput() {
        BotSettings settings = new BotSettings(0.5, 0.3, 2, false);
        assertThat(decide(settings, "   ", 0)).isInstanceOf(BotDecision.Fallback.class);
        assertThat(decide(settings, null, 0)).isInstanceOf(BotDecision.Fallback.class);
        // the handoff phrase is beyond the 500 characters looked at: not seen
        assertThat(decide(settings, "x ".repeat(300) + "转人工", 0)).isNotEqualTo(new BotDecision.Handoff(HandoffReason.REQUESTED));
        assertThat(decide(new BotSettings(0.1, 0.0, 2, false), "I forgot my password " + "🙂".repeat(1_000), 0))
                .isInstanceOfSatisfying(BotDecision.Answer.class, a -> assertThat(a.entry()).isEqualTo(PASSWORD));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new BotSettings(0.3, 0.5, 2, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotSettings(1.5, 0.5, 2, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BotSettings(0.5, 0.3, -1, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
