package org.queqiao.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The substring index of a member: every single character and every pair of adjacent characters of
 * their name (and its pinyin and initials), e-mail local part, phone and title, lower-cased. A query of two or more characters becomes the set
 * of its pairs; a member matches when it holds all of them (a GIN containment lookup) and the query
 * really occurs in its text (the recheck). Unlike trigrams this serves two-character Chinese names.
 */
public final class SearchKeys {
    private SearchKeys() {}

    public static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    /** The text searched: the fields joined by a separator no query can contain. */
    public static String text(Member m) {
        return String.join("\u0001", searchedFields(m));
    }

    /** Name, its pinyin and initials (for Chinese names), e-mail local part, phone, title; normalised. */
    private static String[] searchedFields(Member m) {
        String[] pinyin = Pinyin.of(m.name());
        return new String[]{normalise(m.name()), pinyin == null ? "" : pinyin[0], pinyin == null ? "" : pinyin[1],
                emailLocalPart(m.email()), normalise(m.phone()), normalise(m.title())};
    }

    /**
     * Only the part before the @ is searchable: everyone in an organisation shares the domain, so its
     * pairs ("co", "om", ".c") would match every member and make the index useless for them.
     */
    static String emailLocalPart(String email) {
        String e = normalise(email);
        int at = e.indexOf('@');
        return at < 0 ? e : e.substring(0, at);
    }

    public static List<String> keys(Member m) {
        Set<String> keys = new LinkedHashSet<>();
        for (String field : searchedFields(m)) {
            int[] cps = normalise(field).codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                keys.add(new String(cps, i, 1));
                if (i + 1 < cps.length) keys.add(new String(cps, i, 2));
            }
        }
        return new ArrayList<>(keys);
    }

    /** True for a one-character query, which matches names that start with it (a surname, an initial). */
    public static boolean isPrefixQuery(String query) {
        return normalise(query).codePointCount(0, normalise(query).length()) == 1;
    }

    /** The smallest string greater than every string that starts with {@code prefix} (byte order). */
    public static String prefixUpperBound(String prefix) {
        int[] cps = normalise(prefix).codePoints().toArray();
        cps[cps.length - 1]++;
        return new String(cps, 0, cps.length);
    }

    /** The keys a query needs: its pairs, or its one character. */
    public static List<String> queryKeys(String query) {
        int[] cps = normalise(query).codePoints().toArray();
        if (cps.length == 1) return List.of(new String(cps, 0, 1));
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) keys.add(new String(cps, i, 2));
        return new ArrayList<>(keys);
    }
}
