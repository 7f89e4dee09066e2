package org.queqiao.bench;

import org.queqiao.desk.bot.FaqEntry;
import org.queqiao.desk.bot.KnowledgeBase;
import org.queqiao.desk.bot.RetrievalTuning;
import org.queqiao.desk.bot.TextEmbedder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two ways the dev set is asked. {@link #oneKnowledgeBase}: every FAQ of every domain in one KB, which
 * no customer has and which is harder than any of them (an insurer's KB has no "create an account" for the
 * school's "where do I sign up"). {@link #perOrganisation}: what a deployment looks like: one KB per kind of
 * organisation, its domain's FAQs in both languages plus the generic account/login/invoice/refund ones; each
 * domain's questions are asked of its own KB, and the generic and out-of-scope questions of the six KBs in
 * turn, so every question is asked exactly once in both modes. The embedder is null for BM25 only.
 */
final class DeskBotCases {
    private DeskBotCases() {}

    static List<DeskBotScores.Case> oneKnowledgeBase(DeskBotDevSet dev, RetrievalTuning tuning, TextEmbedder embedder) {
        KnowledgeBase kb = new KnowledgeBase(tuning, embedder);
        kb.replace(dev.entries());
        List<DeskBotScores.Case> cases = new ArrayList<>();
        dev.inScope().forEach(p -> cases.add(new DeskBotScores.Case(p.text(), p.expected(), kb, cases.size() % 2)));
        dev.outOfScope().forEach(q -> cases.add(new DeskBotScores.Case(q, null, kb, cases.size() % 2)));
        return cases;
    }

    static List<DeskBotScores.Case> perOrganisation(DeskBotDevSet dev, RetrievalTuning tuning, TextEmbedder embedder) {
        Map<String, KnowledgeBase> kbs = new HashMap<>();
        for (String domain : DeskBotDevSet.DOMAINS) {
            List<FaqEntry> entries = dev.entries().stream()
                    .filter(e -> DeskBotDevSet.domain(e).equals(domain) || DeskBotDevSet.domain(e).equals("account")).toList();
            KnowledgeBase kb = new KnowledgeBase(tuning, embedder);
            kb.replace(entries);
            kbs.put(domain, kb);
        }
        List<DeskBotScores.Case> cases = new ArrayList<>();
        int turn = 0;
        for (DeskBotDevSet.Probe p : dev.inScope()) {
            String domain = DeskBotDevSet.domain(p.expected());
            if (domain.equals("account")) domain = DeskBotDevSet.DOMAINS.get(turn++ % DeskBotDevSet.DOMAINS.size());
            cases.add(new DeskBotScores.Case(p.text(), p.expected(), kbs.get(domain), cases.size() % 2));
        }
        for (String q : dev.outOfScope()) {
            cases.add(new DeskBotScores.Case(q, null, kbs.get(DeskBotDevSet.DOMAINS.get(turn++ % DeskBotDevSet.DOMAINS.size())), cases.size() % 2));
        }
        return cases;
    }
}
