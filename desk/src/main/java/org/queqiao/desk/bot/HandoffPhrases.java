package org.queqiao.desk.bot;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a visitor asking for a person ("转人工", "人工客服", "talk to someone", "agent please"), in
 * Chinese or English, as whole words and phrases: "agenda" is not "agent" and 人工智能 (artificial
 * intelligence) is not 人工. Stateless and thread-safe.
 *
 * <p>Bare nouns ("agent", "human", "representative") count only in a short message: "agent!" or "I want a
 * human" asks for a person, while "how do I reach my insurance agent about a claim" is a question the FAQ
 * may answer (brokers and insurers have agents of their own).
 */
public final class HandoffPhrases {
    /** Anywhere in the message, Chinese compared with spaces removed ("转 人工" is 转人工). */
    private static final Pattern CHINESE = Pattern.compile(
            "转人工|人工客服|人工服务|人工坐席|人工座席|找人工|要人工|接人工|找客服|转客服|要客服|客服在吗|有人吗|有没有人"
            // 人工 and 真人 alone, or followed by a particle or 客服-like word, but not inside 人工智能 or 真人认证
            + "|人工(?![\\p{IsHan}&&[^呢吧啊吗呀客服坐座]])"
            + "|真人(?![\\p{IsHan}&&[^呢吧啊吗呀客服回聊]])");
    private static final Pattern ENGLISH_PHRASE = Pattern.compile(
            "\\b(talk|speak|chat)\\s+(to|with)\\s+(a\\s+|an\\s+|some\\s+|your\\s+)?(someone|somebody|human|person|people|agent|"
            + "representative|rep|operator|staff|real\\s+person|live\\s+agent)\\b"
            + "|\\b(real|live|actual)\\s+(person|human|agent|people)\\b"
            + "|\\bhuman\\s+(agent|being|support|help)\\b"
            + "|\\b(customer\\s+service|support)\\s+(agent|rep|representative)\\b"
            + "|\\b(connect|transfer|put)\\s+me\\s+(to|through|with)\\b");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b(agents?|humans?|representatives?|operators?|persons?)\\b");
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** "agent please", "I want a human": a short message that is little more than the noun. */
    private static final int SHORT_MESSAGE_WORDS = 5;
    private static final int SHORT_MESSAGE_HAN = 4;

    /** True when the text asks to be handed to a person. */
    public boolean requested(String text) {
        if (text == null || text.isBlank()) return false;
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (CHINESE.matcher(t.replaceAll("\\s+", "")).find()) return true;
        if (ENGLISH_PHRASE.matcher(t).find()) return true;
        return ENGLISH_WORD.matcher(t).find() && LATIN_WORD.matcher(t).results().count() <= SHORT_MESSAGE_WORDS
                && HAN.matcher(t).results().count() <= SHORT_MESSAGE_HAN;
    }
}
