package org.queqiao.desk;

/** Which language to answer in: Chinese when the visitor wrote any Han character, English otherwise. */
final class Language {
    private Language() {}

    static boolean isChinese(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
