package org.queqiao.desk.bot;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One question of the bot's knowledge base: the question as the admin wrote it, other phrasings of it
 * the admin typed (the bot matches a visitor's text against all of them), the answer it gives and an
 * optional category. Chinese and English entries live side by side in one knowledge base.
 *
 * @param alternatives never null; may be empty
 * @param category     null when the admin gave none
 */
public record FaqEntry(UUID id, String question, List<String> alternatives, String answer, String category) {
    public FaqEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** The question first, then the alternatives: every text a visitor's question is matched against. */
    public List<String> phrasings() {
        if (alternatives.isEmpty()) return List.of(question);
        var all = new java.util.ArrayList<String>(alternatives.size() + 1);
        all.add(question);
        all.addAll(alternatives);
        return all;
    }
}
