package org.queqiao.directory;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of Chinese names, so "zhangwei" and "zw" find 张伟 as people type on a Latin keyboard (the
 * way WeCom and DingTalk directories work). A character with several readings contributes its first,
 * most common one; characters that are not Han pass through unchanged.
 */
public final class Pinyin {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {}

    /** {full pinyin, initials}, e.g. 张伟 → {"zhangwei", "zw"}; null when the text has no Han character. */
    public static String[] of(String text) {
        if (text == null) return null;
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        boolean han = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String[] readings = readings(c);
            if (readings != null && readings.length > 0) {
                han = true;
                full.append(readings[0]);
                initials.append(readings[0].charAt(0));
            } else if (Character.isLetterOrDigit(c)) {
                full.append(Character.toLowerCase(c));
            }
        }
        return han ? new String[]{full.toString(), initials.toString()} : null;
    }

    private static String[] readings(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) return null;
        try {
            return PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin output format", e);
        }
    }
}
