package org.queqiao.desk.bot;

import java.util.List;

/** What the bot does with one message of a visitor. */
public sealed interface BotDecision {
    /** Reply with this entry's answer. */
    record Answer(FaqEntry entry, double confidence) implements BotDecision {}

    /**
     * Not sure enough to answer: offer these entries (one to three, best first) for the visitor to pick.
     * {@code closest}: the search's best entries, unfiltered (what a generative assistant may answer from).
     */
    record Suggest(List<FaqEntry> entries, double confidence, List<FaqEntry> closest) implements BotDecision {
        public Suggest {
            entries = List.copyOf(entries);
            closest = List.copyOf(closest);
        }
    }

    /**
     * Nothing good: say so and invite the visitor to rephrase. The caller counts consecutive fallbacks
     * (an answer or a suggestion resets the count) and passes the count with the next message.
     */
    record Fallback(double confidence, List<FaqEntry> closest) implements BotDecision {
        public Fallback {
            closest = List.copyOf(closest);
        }
    }

    /** Hand the conversation to an agent. */
    record Handoff(HandoffReason reason) implements BotDecision {}
}
