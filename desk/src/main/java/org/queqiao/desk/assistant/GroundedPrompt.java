package org.queqiao.desk.assistant;

import org.queqiao.desk.BotBrain;

import java.util.List;
import java.util.Map;

/**
 * The messages sent to the model: the organisation's closest FAQs as its only source, the visitor's question, and
 * the word it must answer with when they do not hold the answer ({@link #DECLINE}). Keeping the model to the FAQs is
 * what lets a hospital or a court put it in front of the public: it rephrases and combines what the organisation
 * wrote, it does not invent policy.
 */
final class GroundedPrompt {
    /** What the model replies when the sources do not answer the question. */
    static final String DECLINE = "NO_ANSWER";

    private static final String SYSTEM = """
            You are the customer-service assistant of an organisation. Answer the visitor's question using only the \
            numbered FAQ entries below; combine or shorten them as needed, and do not add facts, prices, dates or \
            promises that they do not state. Answer in the language of the question (Chinese or English), in at most a \
            few sentences, as plain text. If the entries do not answer the question, reply with exactly %s and nothing else.
            你是机构的客服助手：只依据下列编号的常见问题回答访客，不要补充其中没有的事实、价格、日期或承诺；用提问所用的语言简短作答。\
            若资料不能回答该问题，只回复 %s。""".formatted(DECLINE, DECLINE);

    private GroundedPrompt() {}

    static List<Map<String, String>> messages(String question, List<BotBrain.Source> sources) {
        StringBuilder faq = new StringBuilder("FAQ entries:\n");
        for (int i = 0; i < sources.size(); i++) {
            BotBrain.Source s = sources.get(i);
            faq.append('[').append(i + 1).append("] Q: ").append(s.question()).append("\n    A: ").append(s.answer()).append('\n');
        }
        return List.of(
                Map.of("role", "system", "content", SYSTEM + "\n\n" + faq),
                Map.of("role", "user", "content", question));
    }

    /** Whether the model's reply is the decline word (models add punctuation or quotes around it). */
    static boolean declined(String reply) {
        String s = reply.strip().replaceAll("^[\\p{Punct}\\s“”「」]+|[\\p{Punct}\\s“”「」。]+$", "");
        return s.isEmpty() || s.equalsIgnoreCase(DECLINE);
    }
}
