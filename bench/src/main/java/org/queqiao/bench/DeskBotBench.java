package org.queqiao.bench;

import org.queqiao.desk.bot.BgeEmbedder;
import org.queqiao.desk.bot.BotSettings;
import org.queqiao.desk.bot.KnowledgeBase;
import org.queqiao.desk.bot.RetrievalTuning;
import org.queqiao.desk.bot.TextEmbedder;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk bot on its bilingual development set (DeskBotDevSet): builds knowledge bases from the FAQs, asks
 * every unseen paraphrase and every out-of-scope question, and prints, for BM25 alone and for BM25 blended
 * with sentence embeddings (BgeEmbedder): top-1 accuracy, recall@3, coverage and precision over answer
 * thresholds, what BotPolicy decides with its default settings, and the latency of one decision (warm, one
 * thread). With "compare", the variants RetrievalTuning.DEFAULT and HYBRID were chosen from are scored first.
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
        long t0 = System.nanoTime();
        BgeEmbedder bge = BgeEmbedder.shared();
        System.out.printf("embedding models loaded in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        TextEmbedder cached = new CachingEmbedder(bge);
        if (List.of(args).contains("compare")) compare(dev, cached);

        for (boolean hybrid : new boolean[] {false, true}) {
            RetrievalTuning tuning = hybrid ? RetrievalTuning.HYBRID : RetrievalTuning.DEFAULT;
            String name = hybrid ? "HYBRID (bge-small embeddings rank, pooled phrasings + answer sentences; BM25 only gates text without words)" : "DEFAULT (BM25 only)";
            System.out.printf("%n######## RetrievalTuning.%s: %s%n", name, tuning);
            DeskBotReport.scores("per organisation (domain + account FAQs)", new DeskBotScores(DeskBotCases.perOrganisation(dev, tuning, hybrid ? cached : null)));
            DeskBotReport.scores("one KB with every FAQ", new DeskBotScores(DeskBotCases.oneKnowledgeBase(dev, tuning, hybrid ? cached : null)));
            DeskBotReport.decisions(dev, tuning, hybrid ? cached : null);
            // latency with the real embedder (no cache): the one-KB index, the largest
            KnowledgeBase kb = new KnowledgeBase(tuning, hybrid ? bge : null);
            t0 = System.nanoTime();
            kb.replace(dev.entries());
            System.out.printf("index of all %d FAQs built in %.0f ms%s%n", dev.entries().size(), (System.nanoTime() - t0) / 1e6,
                    hybrid ? " (embedding every text: nothing to reuse)" : "");
            DeskBotReport.latency(kb, dev, rounds);
        }
        System.out.printf("%nmachine: %d cores (%s), load average %.1f before the run, Java %s%n", Runtime.getRuntime().availableProcessors(),
                DeskBotReport.cpuModel(), loadBefore, System.getProperty("java.version"));
    }

    /** Retrieval variants, each scored on the same questions: how the defaults were chosen. */
    private static void compare(DeskBotDevSet dev, TextEmbedder embedder) {
        Map<String, RetrievalTuning> variants = new LinkedHashMap<>();
        variants.put("smartcn words only", new RetrievalTuning(0, 0, false, 1.2f, 0.75f));
        variants.put("words + English stop words", new RetrievalTuning(0, 0, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 0.5", new RetrievalTuning(0.5f, 0, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0", new RetrievalTuning(1f, 0, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0 + answer 0.5", new RetrievalTuning(1f, 0.5f, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0 + answer 1.0", new RetrievalTuning(1f, 1f, true, 1.2f, 0.75f));
        variants.put("words + zh pairs&chars 1.0 + answer 0.5, b 0.3", new RetrievalTuning(1f, 0.5f, true, 1.2f, 0.3f));
        variants.put("embeddings only (phrasings)", RetrievalTuning.DEFAULT.withEmbedding(1f, false));
        variants.put("embeddings only (phrasings + question&answer)", RetrievalTuning.DEFAULT.withEmbedding(1f, true));
        variants.put("blend 0.9 embeddings + 0.1 BM25", RetrievalTuning.DEFAULT.withEmbedding(0.9f, true));
        variants.put("blend 0.8 embeddings + 0.2 BM25", RetrievalTuning.DEFAULT.withEmbedding(0.8f, true));
        variants.put("blend 0.5 embeddings + 0.5 BM25", RetrievalTuning.DEFAULT.withEmbedding(0.5f, true));
        RetrievalTuning embeddings = RetrievalTuning.DEFAULT.withEmbedding(1f, true);
        variants.put("embeddings, soft-max pooling 0.03", embeddings.withPooling(0.03f, 0f));
        variants.put("embeddings, soft-max pooling 0.05", embeddings.withPooling(0.05f, 0f));
        variants.put("embeddings, best cosine + answer sentences 0.3", embeddings.withPooling(0f, 0.3f));
        variants.put("embeddings, pooling 0.03 + answer sentences 0.1", embeddings.withPooling(0.03f, 0.1f));
        variants.put("embeddings, pooling 0.03 + answer sentences 0.3", embeddings.withPooling(0.03f, 0.3f));
        variants.put("embeddings, pooling 0.05 + answer sentences 0.3", embeddings.withPooling(0.05f, 0.3f));
        variants.put("embeddings, pooling 0.03 + answer sentences 0.5", embeddings.withPooling(0.03f, 0.5f));
        variants.put("embeddings, pooling 0.03 + sentences 0.3 + as question", embeddings.withPooling(0.03f, 0.3f).withQuestionForm(true));
        System.out.println("\nvariant (per organisation, then one KB)            top-1: all / half 0 / half 1 (held out)  recall@3"
                + "  answered at precision >= 95 %: all / half 0 / half 1");
        variants.forEach((name, tuning) -> {
            TextEmbedder e = tuning.embeddingWeight() > 0 ? embedder : null;
            for (boolean perOrg : new boolean[] {true, false}) {
                DeskBotScores s = new DeskBotScores(perOrg ? DeskBotCases.perOrganisation(dev, tuning, e) : DeskBotCases.oneKnowledgeBase(dev, tuning, e));
                System.out.printf("%-52s %5.1f / %5.1f / %5.1f %%   %5.1f %%   %s / %s / %s%n", perOrg ? name : "  (one KB)",
                        100 * s.recallAt(1, o -> true), 100 * s.recallAt(1, o -> o.half() == 0), 100 * s.recallAt(1, o -> o.half() == 1),
                        100 * s.recallAt(3, o -> true), answered(s, o -> true), answered(s, o -> o.half() == 0), answered(s, o -> o.half() == 1));
            }
        });
    }

    private static String answered(DeskBotScores s, java.util.function.Predicate<DeskBotScores.Outcome> filter) {
        DeskBotScores.AtThreshold a = s.lowestWithPrecision(0.95, filter);
        return a == null ? "never" : String.format("%4.1f %% (%.2f)", 100 * a.coverage(), a.threshold());
    }

    static BotSettings settingsFor(RetrievalTuning tuning) {
        return tuning.embeddingWeight() > 0 ? BotSettings.DEFAULT : BotSettings.BM25_ONLY;
    }
}
