package org.queqiao.desk.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An FAQ answer cut into the sentences the bot embeds one by one: at Chinese and English sentence ends,
 * semicolons and line breaks, not at commas (a clause without its subject says too little). A visitor's
 * question often names one detail of the answer, and a sentence's vector keeps that detail sharper than the
 * vector of the whole answer.
 */
final class AnswerSentences {
    /** Fragments shorter than this ("好的。", "OK.") say nothing an entry can be found by. */
    static final int MIN_CODE_POINTS = 4;
    /** An answer pasted from a manual must not cost hundreds of embeddings; its first sentences carry the point. */
    static final int MAX_SENTENCES = 12;

    private static final Pattern END = Pattern.compile("[。！？；;!?\\n]+|\\.(?=\\s|$)");

    private AnswerSentences() {}

    static List<String> of(String answer) {
        List<String> out = new ArrayList<>();
        for (String part : END.split(answer)) {
            String s = part.strip();
            if (s.codePointCount(0, s.length()) < MIN_CODE_POINTS || out.contains(s)) continue;
            out.add(s);
            if (out.size() == MAX_SENTENCES) break;
        }
        return out;
    }
}
