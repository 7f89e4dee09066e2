package org.queqiao.messaging.compliance;

import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organisation's sensitive words as one Aho–Corasick automaton: a message is scanned once,
 * whatever the number of words (20,000 words cost the same per character as 20). Immutable and
 * thread-safe; rebuilt when the admin changes the list.
 *
 * <p>Matching ignores case and full-width forms and skips separators inserted inside a word
 * ({@code 法*轮} matches {@code 法轮}); overlapping and nested matches are all found. A block word
 * anywhere refuses the message; mask words have their characters — and separators inside them —
 * replaced by {@code *}.
 */
public final class SensitiveWordFilter {
    public static final SensitiveWordFilter EMPTY = build(List.of());
    static final int MAX_WORD_CODE_POINTS = 50;

    private final EdgeTable next;           // (state, code point) → state, primitive: no boxing on the hot path
    private final int[] fail;
    private final int[] wordAt;             // the word ending at a state, or -1
    private final int[] outputLink;         // nearest state on the fail chain that ends a word, or -1
    private final int[] depth;              // characters from the root (a word's length when it ends here)
    private final String[] words;
    private final boolean[] block;

    private SensitiveWordFilter(EdgeTable next, int[] fail, int[] wordAt, int[] outputLink, int[] depth, String[] words, boolean[] block) {
        this.next = next;
        this.fail = fail;
        this.wordAt = wordAt;
        this.outputLink = outputLink;
        this.depth = depth;
        this.words = words;
        this.block = block;
    }

    /** @throws ProblemException naming the first invalid word ({@code sensitiveWords[i]}) */
    public static SensitiveWordFilter build(List<ChatPolicy.Word> list) {
        Map<String, Integer> index = new HashMap<>();
        List<String> spellings = new ArrayList<>();
        List<Boolean> blocks = new ArrayList<>();
        Map<Long, Integer> next = new HashMap<>();
        List<int[]> keys = new ArrayList<>(); // normalised code points per distinct word
        int states = 1;
        List<Integer> ends = new ArrayList<>(List.of(-1));
        List<Integer> depths = new ArrayList<>(List.of(0));
        for (int i = 0; i < list.size(); i++) {
            String field = "sensitiveWords[" + i + "]";
            String raw = list.get(i).word();
            if (raw == null || raw.isBlank()) throw ProblemException.invalid(field, "word_blank", "A sensitive word must not be blank");
            int[] key = raw.strip().codePoints().filter(cp -> !TextNormalizer.isSeparator(TextNormalizer.normalize(cp))).map(TextNormalizer::normalize).toArray();
            if (key.length == 0) throw ProblemException.invalid(field, "word_blank", "\"" + raw + "\" has only spaces and punctuation");
            if (key.length > MAX_WORD_CODE_POINTS) throw ProblemException.invalid(field, "word_too_long", "Sensitive words are at most " + MAX_WORD_CODE_POINTS + " characters");
            String normal = new String(key, 0, key.length);
            boolean isBlock = list.get(i).action() == ChatPolicy.Action.BLOCK;
            Integer seen = index.get(normal);
            if (seen != null) { // the same word twice: block wins
                blocks.set(seen, blocks.get(seen) || isBlock);
                continue;
            }
            int w = spellings.size();
            index.put(normal, w);
            spellings.add(raw.strip());
            blocks.add(isBlock);
            keys.add(key);
            int s = 0;
            for (int cp : key) {
                long edge = ((long) s << 32) | (cp & 0xffffffffL);
                Integer t = next.get(edge);
                if (t == null) {
                    t = states++;
                    next.put(edge, t);
                    ends.add(-1);
                    depths.add(depths.get(s) + 1);
                }
                s = t;
            }
            ends.set(s, w);
        }
        int[] wordAt = ends.stream().mapToInt(Integer::intValue).toArray();
        int[] depth = depths.stream().mapToInt(Integer::intValue).toArray();
        int[] fail = new int[states];
        int[] outputLink = new int[states];
        Arrays.fill(outputLink, -1);
        // breadth-first over the trie: a state's fail link is the longest proper suffix that is also a prefix
        Map<Integer, List<long[]>> children = new HashMap<>();
        for (var e : next.entrySet()) {
            int parent = (int) (e.getKey() >>> 32);
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(new long[] {e.getKey() & 0xffffffffL, e.getValue()});
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (long[] c : children.getOrDefault(0, List.of())) {
            fail[(int) c[1]] = 0;
            queue.add((int) c[1]);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (long[] c : children.getOrDefault(s, List.of())) {
                int cp = (int) c[0];
                int t = (int) c[1];
                int f = fail[s];
                Integer target;
                while ((target = next.get(((long) f << 32) | (cp & 0xffffffffL))) == null && f != 0) f = fail[f];
                fail[t] = target != null && target != t ? target : 0;
                outputLink[t] = wordAt[fail[t]] >= 0 ? fail[t] : outputLink[fail[t]];
                queue.add(t);
            }
        }
        boolean[] block = new boolean[blocks.size()];
        for (int i = 0; i < block.length; i++) block[i] = blocks.get(i);
        EdgeTable edges = new EdgeTable(next.size());
        next.forEach((edge, target) -> edges.put((int) (edge >>> 32), (int) (edge & 0xffffffffL), target));
        return new SensitiveWordFilter(edges, fail, wordAt, outputLink, depth, spellings.toArray(String[]::new), block);
    }

    public int size() {
        return words.length;
    }

    /** What the text contains. {@code text()} is the input itself when nothing is masked. */
    public Result check(String text) {
        if (words.length == 0 || text.isEmpty()) return new Result(false, List.of(), List.of(), text);
        int n = text.length();
        int[] starts = new int[MAX_WORD_CODE_POINTS]; // char index of the last fed code points, as a ring
        int fed = 0;
        int s = 0;
        Set<Integer> blocked = null;
        Set<Integer> matched = null;
        boolean[] mask = null;
        for (int i = 0; i < n; ) {
            int raw = text.codePointAt(i);
            int cp = TextNormalizer.normalize(raw);
            int at = i;
            i += Character.charCount(raw);
            if (TextNormalizer.isSeparator(cp)) continue;
            starts[fed % MAX_WORD_CODE_POINTS] = at;
            fed++;
            int t;
            while ((t = next.get(s, cp)) < 0 && s != 0) s = fail[s];
            s = t < 0 ? 0 : t;
            for (int o = wordAt[s] >= 0 ? s : outputLink[s]; o >= 0; o = outputLink[o]) {
                int w = wordAt[o];
                if (matched == null) matched = new LinkedHashSet<>();
                matched.add(w);
                if (block[w]) {
                    if (blocked == null) blocked = new LinkedHashSet<>();
                    blocked.add(w);
                } else {
                    if (mask == null) mask = new boolean[n];
                    int from = starts[(fed - depth[o]) % MAX_WORD_CODE_POINTS];
                    Arrays.fill(mask, from, i, true);
                }
            }
        }
        if (matched == null) return new Result(false, List.of(), List.of(), text);
        List<String> m = matched.stream().map(w -> words[w]).toList();
        if (blocked != null) return new Result(true, blocked.stream().map(w -> words[w]).toList(), m, text);
        return new Result(false, List.of(), m, masked(text, mask));
    }

    private static String masked(String text, boolean[] mask) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (mask[i]) b.append('*');
            else b.appendCodePoint(cp);
            i += len;
        }
        return b.toString();
    }

    /** @param blockedWords the block words found, as the admin spelled them; @param matched every word found */
    public record Result(boolean blocked, List<String> blockedWords, List<String> matched, String text) {}
}
