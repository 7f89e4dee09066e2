package org.queqiao.desk;

import java.util.List;

/**
 * A generative model the bot may ask when the knowledge base is not sure enough to answer on its own: it gets the
 * visitor's question and the closest FAQs, and answers from those only, declines, or is unavailable (the bot then
 * hands the visitor to a person: a visitor kept waiting on a model that does not answer is worse off than one
 * who waits for an agent). Optional (ADR 0010 §15); implementations are thread-safe.
 */
@FunctionalInterface
public interface BotAssistant {
    Reply answer(String question, List<BotBrain.Source> sources);

    sealed interface Reply {
        /** An answer drawn from the sources. */
        record Answered(String text) implements Reply {}

        /** The sources do not answer it, or every slot for a request is taken: the knowledge base's decision stands. */
        record Declined(String why) implements Reply {}

        /** No usable answer in time (timeout, refused, malformed): hand off. */
        record Unavailable(String why) implements Reply {}
    }
}
