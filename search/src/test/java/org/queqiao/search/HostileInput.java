package org.queqiao.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random strings built from what breaks parsers: tsquery operators, quotes, escapes, NUL, lone surrogates, emoji, full-width forms. */
final class HostileInput {
    private static final String[] PIECES = {
            "&", "|", "!", "(", ")", "<", ">", "<->", "<2>", ":", ":*", "*", "'", "''", "\"", "\\", "\\'", "-", ".", ",", ";", "/",
            " ", "  ", "\t", "\n", "\u3000", "\u0000", "\uD800", "\uDFFF", "\uFEFF", "\u200B", "\u202E",
            "＆", "｜", "！", "（", "）", "＜", "＞", "：", "＊", "＇", "＂", "＼", "。", "，", "？", "……", "【", "】",
            "😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "𠀀", "𪚥", "①", "Ⅻ", "㎡", "ﬁ", "²", "½",
            "开会", "鹊桥", "项目", "的", "会", "ＺＯＯＭ", "meetings", "Zoom", "don't", "a:b", "x&y", "1.5", "3e10", "-1",
            "Привет", "안녕", "こんにちは", "café", "İ", "ß", "e\u0301", "a\u0308", "٣", "१२", "ไทย", "עברית", "العربية",
            "select", "or", "and", "not", "null", "1=1", "--", "/*", "*/", "$$", "%", "_", "@", "#", "http://x.y/z?a=b", "u@e.com",
    };

    private HostileInput() {}

    static List<String> strings(int count, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + rnd.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                if (rnd.nextInt(8) == 0) sb.appendCodePoint(rnd.nextInt(0x30000)); // anything, assigned or not
                else sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
