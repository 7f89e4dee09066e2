package org.queqiao.bench;

import org.queqiao.messaging.compliance.ChatPolicy;
import org.queqiao.messaging.compliance.SensitiveWordFilter;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Cost of the sensitive-word check every message passes before it is stored: {@code SensitiveWordFilter.check}
 * on one thread against a 20,000-word list, for chat messages of 30, 200 and 2,000 characters (the
 * sentences {@link SegmenterBench} uses). The list is generated from a fixed seed: 14,000 Chinese words of
 * 2–4 characters drawn from the CJK Unified Ideographs block, 6,000 English pseudo-words of 2–4 syllables,
 * one in five BLOCK. 5% of the messages get one configured word written into them (a third of those with a
 * separator inside), so the rare hit path is in the figures too. Prints the build time and allocation,
 * then per size median / p99 ns per check (and the median of clean messages and of those with a hit
 * apart), checks/s of wall time and of the thread's CPU time, bytes allocated per check. No server: the
 * check is a library call on the write path.
 * Usage: SensitiveWordBench [secondsPerSize=5]
 */
public final class SensitiveWordBench {
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zen", "dor", "pra", "lex", "qui", "bar", "fen", "gul"};
    private static final String SEPARATORS = "*. _-·，";
    private static final int[] SIZES = {30, 200, 2_000};

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        List<ChatPolicy.Word> list = words(20_000, new Random(7));
        System.out.printf("%,d words (%,d Chinese, %,d English, %,d BLOCK)%n", list.size(), list.stream().filter(w -> w.word().charAt(0) > 0x2E80).count(),
                list.stream().filter(w -> w.word().charAt(0) < 0x80).count(), list.stream().filter(w -> w.action() == ChatPolicy.Action.BLOCK).count());

        SensitiveWordFilter filter = build("SensitiveWordFilter", () -> SensitiveWordFilter.build(list));
        // what the caller uses of a result: refused or not, and the text to store
        report("SensitiveWordFilter", m -> { var r = filter.check(m); return r.blocked() ? -1 : r.text().length(); },
                m -> !filter.check(m).matched().isEmpty(), list, seconds);
    }

    /**
     * Builds once cold, then 9 more times warm (median), and reports what one build allocates: the garbage
     * a policy change makes on every node. (Retained size is not printed: ZGC reports heap use in 2 MB pages.)
     */
    private static <T> T build(String name, Supplier<T> builder) {
        long t0 = System.nanoTime();
        T built = builder.get();
        long cold = System.nanoTime() - t0;
        long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        long[] warm = new long[9];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            builder.get();
            warm[i] = System.nanoTime() - t;
        }
        long allocated = (THREADS.getCurrentThreadAllocatedBytes() - bytes0) / warm.length;
        Arrays.sort(warm);
        System.out.printf("%n%s: built in %.0f ms cold, %.0f ms warm (median of 9); %.1f MB allocated per warm build%n", name, cold / 1e6, warm[4] / 1e6, allocated / 1e6);
        return built;
    }

    private static void report(String name, ToIntFunction<String> check, Predicate<String> hit, List<ChatPolicy.Word> list, double seconds) {
        for (int size : SIZES) {
            List<String> messages = messages(size, list);
            boolean[] hits = new boolean[messages.size()];
            for (int i = 0; i < hits.length; i++) hits[i] = hit.test(messages.get(i));
            run(check, messages, Math.max(1, seconds / 2)); // warm-up, not reported
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
            long wall0 = System.nanoTime();
            long[] samples = run(check, messages, seconds);
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
            long[][] parts = partition(samples, hits);
            System.out.printf("%-30s %,5d chars: n=%,d median=%,.0f ns p99=%,.0f ns (median clean %,.0f ns, with a hit %,.0f ns, %d%% hit)  %,.0f checks/s, %,.0f per CPU-second, %,d B allocated per check%n",
                    name, size, samples.length, median(samples), new Stats(samples).percentileMs(99) * 1e6, median(parts[0]), median(parts[1]),
                    parts[1].length * 100L / samples.length, samples.length / wall, samples.length / cpu, bytes / samples.length);
        }
    }

    private static double median(long[] samples) {
        return new Stats(samples).percentileMs(50) * 1e6;
    }

    /** Sample i timed message i mod the message count: splits the samples into clean ones and hits. */
    private static long[][] partition(long[] samples, boolean[] hits) {
        long[] clean = new long[samples.length];
        long[] hit = new long[samples.length];
        int c = 0;
        int h = 0;
        for (int i = 0; i < samples.length; i++) {
            if (hits[i % hits.length]) hit[h++] = samples[i];
            else clean[c++] = samples[i];
        }
        return new long[][] {Arrays.copyOf(clean, c), Arrays.copyOf(hit, h)};
    }

    /** Checks the messages in turn for about {@code seconds}; one sample (ns) per call. */
    private static long[] run(ToIntFunction<String> check, List<String> messages, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long[] samples = new long[1 << 20];
        int n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            String message = messages.get(n % messages.size());
            long t = System.nanoTime();
            sink += check.applyAsInt(message);
            long elapsed = System.nanoTime() - t;
            if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
            samples[n++] = elapsed;
        }
        if (sink == 42) System.out.print(""); // keeps the calls from being optimised away
        return Arrays.copyOf(samples, n);
    }

    /** 1,000 messages of {@code size} characters, the same for every filter. */
    private static List<String> messages(int size, List<ChatPolicy.Word> list) {
        return withHits(SegmenterBench.messages(size, 1_000, new Random(size)), list, new Random(size + 1));
    }

    /** The list: 70% Chinese words from the CJK Unified Ideographs block, 30% English pseudo-words, 20% BLOCK. */
    static List<ChatPolicy.Word> words(int count, Random rnd) {
        List<ChatPolicy.Word> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder w = new StringBuilder();
            if (i % 10 < 7) {
                for (int k = 0, n = 2 + rnd.nextInt(3); k < n; k++) w.append((char) (0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00 + 1)));
            } else {
                for (int k = 0, n = 2 + rnd.nextInt(3); k < n; k++) w.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
                if (rnd.nextInt(4) == 0) w.setCharAt(0, Character.toUpperCase(w.charAt(0)));
            }
            out.add(new ChatPolicy.Word(w.toString(), rnd.nextInt(5) == 0 ? ChatPolicy.Action.BLOCK : ChatPolicy.Action.MASK));
        }
        return out;
    }

    /** One message in 20 gets a configured word written over it, a third of those split by a separator. */
    private static List<String> withHits(List<String> messages, List<ChatPolicy.Word> list, Random rnd) {
        List<String> out = new ArrayList<>(messages.size());
        for (String m : messages) {
            if (rnd.nextInt(20) == 0) {
                String w = list.get(rnd.nextInt(list.size())).word();
                if (rnd.nextInt(3) == 0) w = w.charAt(0) + String.valueOf(SEPARATORS.charAt(rnd.nextInt(SEPARATORS.length()))) + w.substring(1);
                w = w.substring(0, Math.min(w.length(), m.length()));
                int at = rnd.nextInt(m.length() - w.length() + 1);
                m = m.substring(0, at) + w + m.substring(at + w.length());
            }
            out.add(m);
        }
        return out;
    }
}
