package org.queqiao.bench;

import org.queqiao.desk.bot.BotDecision;
import org.queqiao.desk.bot.BotPolicy;
import org.queqiao.desk.bot.BotSettings;
import org.queqiao.desk.bot.KnowledgeBase;
import org.queqiao.desk.bot.RetrievalTuning;
import org.queqiao.desk.bot.TextEmbedder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What DeskBotBench prints for one retrieval setting. */
final class DeskBotReport {
    private DeskBotReport() {}

    static void scores(String mode, DeskBotScores s) {
        System.out.printf("%n== %s%n", mode);
        System.out.printf("top-1 %.1f %% (zh %.1f %%, en %.1f %%); recall@3 %.1f %% (zh %.1f %%, en %.1f %%)%n",
                100 * s.recallAt(1, o -> true), 100 * s.recallAt(1, o -> o.chinese()), 100 * s.recallAt(1, o -> !o.chinese()),
                100 * s.recallAt(3, o -> true), 100 * s.recallAt(3, o -> o.chinese()), 100 * s.recallAt(3, o -> !o.chinese()));
        System.out.println("threshold  coverage  precision  out-of-scope answered");
        for (int t = 20; t <= 80; t += 5) row(s.at(t / 100.0), "");
        DeskBotScores.AtThreshold p95 = s.lowestWithPrecision(0.95);
        if (p95 != null) row(p95, "  <- lowest threshold with precision >= 95 %");
        for (int half = 0; half < 2; half++) {
            int h = half;
            DeskBotScores.AtThreshold a = s.lowestWithPrecision(0.95, o -> o.half() == h);
            System.out.printf("half %d (%s): top-1 %.1f %%, recall@3 %.1f %%, answered at precision >= 95 %%: %s%n", h,
                    h == 0 ? "settings chosen on it" : "held out", 100 * s.recallAt(1, o -> o.half() == h), 100 * s.recallAt(3, o -> o.half() == h),
                    a == null ? "never" : String.format("%.1f %% (threshold %.2f)", 100 * a.coverage(), a.threshold()));
        }
    }

    private static void row(DeskBotScores.AtThreshold a, String note) {
        System.out.printf("   %.2f     %5.1f %%   %5.1f %%      %5.1f %%%s%n", a.threshold(), 100 * a.coverage(), 100 * a.precision(),
                100 * a.outOfScopeAnswered(), note);
    }

    /** What the bot would do with each question (a first message: no fallbacks before), per-organisation KBs. */
    static void decisions(DeskBotDevSet dev, RetrievalTuning tuning, TextEmbedder embedder) {
        BotSettings settings = DeskBotBench.settingsFor(tuning);
        Map<String, Integer> in = new TreeMap<>(), out = new TreeMap<>();
        Map<KnowledgeBase, BotPolicy> policies = new java.util.HashMap<>();
        for (DeskBotScores.Case c : DeskBotCases.perOrganisation(dev, tuning, embedder)) {
            BotDecision d = policies.computeIfAbsent(c.kb(), kb -> new BotPolicy(kb, settings)).decide(c.text(), 0);
            if (c.expected() == null) {
                out.merge(d.getClass().getSimpleName().toLowerCase(), 1, Integer::sum);
                continue;
            }
            String kind = switch (d) {
                case BotDecision.Answer a -> a.entry().equals(c.expected()) ? "answer right" : "answer wrong";
                case BotDecision.Suggest sg -> sg.entries().contains(c.expected()) ? "suggest incl. right" : "suggest without right";
                case BotDecision.Fallback f -> "fallback";
                case BotDecision.Handoff h -> "handoff " + h.reason().wire();
            };
            in.merge(kind, 1, Integer::sum);
        }
        System.out.printf("%nBotPolicy with %s, per organisation:%n  in scope (%d): %s%n  out of scope (%d): %s%n", settings,
                dev.inScope().size(), in, dev.outOfScope().size(), out);
    }

    /** One BotPolicy.decide per question, all questions in turn, after as many warm-up rounds. */
    static void latency(KnowledgeBase kb, DeskBotDevSet dev, int rounds) {
        BotPolicy policy = new BotPolicy(kb, BotSettings.DEFAULT);
        List<String> questions = new ArrayList<>(dev.outOfScope());
        dev.inScope().forEach(p -> questions.add(p.text()));
        long sink = 0;
        for (int r = 0; r < Math.max(1, rounds / 2); r++) for (String q : questions) sink += policy.decide(q, 0).hashCode();
        long[] samples = new long[rounds * questions.size()];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : questions) {
                long t = System.nanoTime();
                sink += policy.decide(q, 0).hashCode();
                samples[n++] = System.nanoTime() - t;
            }
        }
        Stats st = new Stats(samples);
        System.out.printf("latency of BotPolicy.decide, warm, one thread: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%s%n",
                n, st.percentileMs(50), st.percentileMs(95), st.percentileMs(99), st.percentileMs(100), sink == 42 ? " " : "");
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (Exception e) {
            return System.getProperty("os.arch");
        }
    }
}
