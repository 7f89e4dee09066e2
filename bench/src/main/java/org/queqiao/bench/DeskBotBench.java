package org.queqiao.bench;

import org.queqiao.desk.bot.BotDecision;
import org.queqiao.desk.bot.BotPolicy;
import org.queqiao.desk.bot.BotSettings;
import org.queqiao.desk.bot.KnowledgeBase;
import org.queqiao.desk.bot.RetrievalTuning;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The desk bot on its bilingual development set (DeskBotDevSet): builds the knowledge base from the FAQs,
 * asks every unseen paraphrase and every out-of-scope question, and prints top-1 accuracy, recall@3,
 * coverage and precision over answer thresholds, what BotPolicy decides with the default settings, and
 * the latency of one decision (warm, one thread). With "compare", the retrieval variants that were
 * measured before choosing RetrievalTuning.DEFAULT are scored side by side first.
 * Usage: DeskBotBench [rounds=20] [compare]
 */
public final class DeskBotBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        DeskBotDevSet dev = DeskBotDevSet.load();
        long zh = dev.entries().stream().filter(e -> DeskBotDevSet.isChinese(e.question())).count();
        System.out.printf("dev set: %d FAQs (%d Chinese, %d English), %d phrasings in the KB, %d unseen paraphrases, %d out-of-scope questions%n",
                dev.entries().size(), zh, dev.entries().size() - zh, dev.entries().stream().mapToInt(e -> e.phrasings().size()).sum(),
                dev.inScope().size(), dev.outOfScope().size());
        if (List.of(args).contains("compare")) compare(dev);

        KnowledgeBase kb = new KnowledgeBase();
        long t0 = System.nanoTime();
        kb.replace(dev.entries());
        System.out.printf("%nRetrievalTuning.DEFAULT %s; index of all FAQs built in %.0f ms%n", RetrievalTuning.DEFAULT, (System.nanoTime() - t0) / 1e6);
        report("per organisation (domain + account FAQs)", new DeskBotScores(DeskBotCases.perOrganisation(dev, RetrievalTuning.DEFAULT)));
        report("one KB with every FAQ", new DeskBotScores(DeskBotCases.oneKnowledgeBase(dev, RetrievalTuning.DEFAULT)));
        decisions(kb, dev);
        latency(kb, dev, rounds, loadBefore);
    }

    private static void report(String mode, DeskBotScores s) {
        System.out.printf("%n== %s%n", mode);
        System.out.printf("top-1 %.1f %% (zh %.1f %%, en %.1f %%); recall@3 %.1f %% (zh %.1f %%, en %.1f %%)%n",
                100 * s.recallAt(1, o -> true), 100 * s.recallAt(1, o -> o.chinese()), 100 * s.recallAt(1, o -> !o.chinese()),
                100 * s.recallAt(3, o -> true), 100 * s.recallAt(3, o -> o.chinese()), 100 * s.recallAt(3, o -> !o.chinese()));
        System.out.println("threshold  coverage  precision  out-of-scope answered");
        for (double t = 0.20; t < 0.801; t += 0.05) row(s.at(t), "");
        row(s.at(BotSettings.DEFAULT.answerThreshold()), "  <- BotSettings.DEFAULT answer threshold");
        DeskBotScores.AtThreshold p95 = s.lowestWithPrecision(0.95);
        if (p95 != null) row(p95, "  <- lowest threshold with precision >= 95 %");
    }

    private static void row(DeskBotScores.AtThreshold a, String note) {
        System.out.printf("   %.2f     %5.1f %%   %5.1f %%      %5.1f %%%s%n", a.threshold(), 100 * a.coverage(), 100 * a.precision(),
                100 * a.outOfScopeAnswered(), note);
    }

    /** Retrieval variants, each scored on the same questions: how RetrievalTuning.DEFAULT was chosen. */
    private static void compare(DeskBotDevSet dev) {
        Map<String, RetrievalTuning> variants = new java.util.LinkedHashMap<>();
        variants.put("smartcn words only", new RetrievalTuning(0, 0, false, 1.2f, 0.75f));
        variants.put("words + English stop words", new RetrievalTuning(0, 0, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 0.5", new RetrievalTuning(0.5f, 0, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0", new RetrievalTuning(1f, 0, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0 + answer 0.5", new RetrievalTuning(1f, 0.5f, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0 + answer 1.0", new RetrievalTuning(1f, 1f, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0 + answer 0.5, b 0.3", new RetrievalTuning(1f, 0.5f, true, 1.2f, 0.3f));
        System.out.println("\nvariant (per organisation | one KB)      top-1   recall@3  coverage at precision>=95 % (threshold)");
        variants.forEach((name, tuning) -> {
            for (boolean perOrg : new boolean[] {true, false}) {
                DeskBotScores s = new DeskBotScores(perOrg ? DeskBotCases.perOrganisation(dev, tuning) : DeskBotCases.oneKnowledgeBase(dev, tuning));
                DeskBotScores.AtThreshold a = s.lowestWithPrecision(0.95);
                System.out.printf("%-38s %5.1f %%  %5.1f %%   %s%n", perOrg ? name : "  (one KB)", 100 * s.recallAt(1, o -> true),
                        100 * s.recallAt(3, o -> true), a == null ? "never" : String.format("%5.1f %% (%.2f)", 100 * a.coverage(), a.threshold()));
            }
        });
    }

    /** What the bot would do with each question under BotSettings.DEFAULT (a first message: no fallbacks before). */
    private static void decisions(KnowledgeBase kb, DeskBotDevSet dev) {
        BotPolicy policy = new BotPolicy(kb, BotSettings.DEFAULT);
        Map<String, Integer> in = new TreeMap<>(), out = new TreeMap<>();
        for (DeskBotDevSet.Probe p : dev.inScope()) {
            String kind = switch (policy.decide(p.text(), 0)) {
                case BotDecision.Answer a -> a.entry().equals(p.expected()) ? "answer right" : "answer wrong";
                case BotDecision.Suggest sg -> sg.entries().contains(p.expected()) ? "suggest incl. right" : "suggest without right";
                case BotDecision.Fallback f -> "fallback";
                case BotDecision.Handoff h -> "handoff " + h.reason().wire();
            };
            in.merge(kind, 1, Integer::sum);
        }
        for (String q : dev.outOfScope()) out.merge(policy.decide(q, 0).getClass().getSimpleName().toLowerCase(), 1, Integer::sum);
        System.out.printf("%nBotPolicy with %s:%n  in scope (%d): %s%n  out of scope (%d): %s%n", BotSettings.DEFAULT,
                dev.inScope().size(), in, dev.outOfScope().size(), out);
    }

    /** One BotPolicy.decide per question, all questions in turn, after as many warm-up rounds. */
    private static void latency(KnowledgeBase kb, DeskBotDevSet dev, int rounds, double loadBefore) throws Exception {
        BotPolicy policy = new BotPolicy(kb, BotSettings.DEFAULT);
        List<String> questions = new ArrayList<>(dev.outOfScope());
        dev.inScope().forEach(p -> questions.add(p.text()));
        long sink = 0;
        for (int r = 0; r < rounds; r++) for (String q : questions) sink += policy.decide(q, 0).hashCode();
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
        System.out.printf("%nlatency of BotPolicy.decide, warm, one thread: n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%s%n",
                n, st.percentileMs(50), st.percentileMs(95), st.percentileMs(99), st.percentileMs(100), sink == 42 ? " " : "");
        System.out.printf("machine: %d cores (%s), load average %.1f before the run, Java %s%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), loadBefore, System.getProperty("java.version"));
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (Exception e) {
            return System.getProperty("os.arch");
        }
    }
}
