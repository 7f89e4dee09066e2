package org.queqiao.messaging.compliance;

/**
 * How text is compared against sensitive words: full-width letters and digits count as their ASCII
 * forms, case is ignored, and separators (spaces, punctuation, symbols, zero-width characters) put
 * between a word's characters to slip past a filter are skipped.
 */
final class TextNormalizer {
    private TextNormalizer() {}

    static int normalize(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; // full-width ASCII forms
        else if (cp == 0x3000) cp = ' ';
        return Character.toLowerCase(cp);
    }

    static boolean isSeparator(int cp) {
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF) return true;
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return true;
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.FORMAT -> true;
            default -> false;
        };
    }
}
