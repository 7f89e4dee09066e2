package org.queqiao.desk.bot;

import java.util.List;

/** What the bot does with one message of a visitor. */
public sealed interface BotDecision {
    /** Reply with this entry's answer. */
    record Answer(FaqEntry entry, double confidence) implements BotDecision {}

    /** Not sure enough to answer: offer these entries (one to three, best first) for the visitor to pick. */
    record Suggest(List<FaqEntry> entries, double confidence) implements BotDecision {
        public Suggest {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Nothing good: say so and invite the visitor to rephrase. The caller counts consecutive fallbacks
     * (an answer or a suggestion resets the count) and passes the count with the next message.
     */
    record Fallback(double confidence) implements BotDecision {}

    /** Hand the conversation to an agent. */
    record Handoff(HandoffReason reason) implements BotDecision {}
}
