package org.queqiao.desk.bot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.desk.bot.FaqFixtures.*;

class KnowledgeBaseTest {
    private final KnowledgeBase kb = knowledgeBase();

    private FaqEntry best(String text) {
        FaqSearchResult r = kb.search(text, 3);
        assertThat(r.candidates()).as(text).isNotEmpty();
        return r.candidates().getFirst().entry();
    }

    @Test
    void findsChineseAndEnglishQuestions() {
        assertThat(best("怎么退保")).isEqualTo(SURRENDER);
        assertThat(best("我想开户")).isEqualTo(OPEN_ACCOUNT);
        assertThat(best("how do I return an item")).isEqualTo(RETURN);
        assertThat(best("FORGOT MY PASSWORD!!")).isEqualTo(PASSWORD);
    }

    @Test
    void findsParaphrasesThroughAlternativesStemmingAndCharacters() {
        assertThat(best("保单不想要了怎么取消")).isEqualTo(SURRENDER);   // the alternative's words
        assertThat(best("我的快递到哪里了")).isEqualTo(TRACKING);       // segmentation differs from the FAQ's
        assertThat(best("理陪流程")).isEqualTo(CLAIM);                  // homophone typo: shared characters still match
        assertThat(best("returning items")).isEqualTo(RETURN);          // Porter stemming
        assertThat(best("how long do refunds take")).isEqualTo(REFUND_TIME);
    }

    @Test
    void confidenceIsInUnitIntervalAndHigherForAnExactQuestion() {
        double exact = kb.search("What are the trading hours?", 3).confidence();
        double vague = kb.search("what hours", 3).confidence();
        assertThat(exact).isBetween(0.0, 1.0);
        assertThat(vague).isBetween(0.0, 1.0);
        assertThat(exact).isGreaterThan(vague);
        assertThat(exact).isGreaterThan(kb.search("what are the trading hours of the kayak rental shop", 3).confidence());
    }

    @Test
    void blankUnmatchedAndGiantInputsAreHandled() {
        assertThat(kb.search("", 3)).isEqualTo(FaqSearchResult.NONE);
        assertThat(kb.search("   \n", 3)).isEqualTo(FaqSearchResult.NONE);
        assertThat(kb.search(null, 3)).isEqualTo(FaqSearchResult.NONE);
        assertThat(kb.search("？？！！ 😀", 3)).isEqualTo(FaqSearchResult.NONE);
        assertThat(kb.search("zyxwvut qqqq", 3).isEmpty()).isTrue();
        String giant = "怎么退保".repeat(100_000);
        assertThat(best(giant)).isEqualTo(SURRENDER); // cut before analysis, still answered
        assertThat(new KnowledgeBase().search("怎么退保", 3)).isEqualTo(FaqSearchResult.NONE);
    }

    @Test
    void returnsEachEntryOnceAndAtMostTheNumberAsked() {
        FaqSearchResult r = kb.search("refund return password trading 退保 理赔 开户 物流", 3);
        assertThat(r.candidates()).hasSize(3);
        assertThat(r.candidates().stream().map(m -> m.entry().id()).distinct()).hasSize(3);
        assertThat(r.candidates()).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
    }

    @Test
    void searchesDuringReplacementsSeeOneWholeVersionOrTheOther() throws Exception {
        List<FaqEntry> v1 = version("v1"), v2 = version("v2");
        Set<UUID> ids1 = v1.stream().map(FaqEntry::id).collect(Collectors.toSet());
        Set<UUID> ids2 = v2.stream().map(FaqEntry::id).collect(Collectors.toSet());
        KnowledgeBase swapping = new KnowledgeBase();
        swapping.replace(v1);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> searchers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                searchers.add(pool.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        FaqSearchResult r = swapping.search("how do I reset my password", 5);
                        Set<UUID> found = r.candidates().stream().map(m -> m.entry().id()).collect(Collectors.toSet());
                        assertThat(found).isNotEmpty();
                        assertThat(ids1.containsAll(found) || ids2.containsAll(found)).as("one version only").isTrue();
                        assertThat(r.candidates().getFirst().entry().question()).contains("reset my password");
                        n++;
                    }
                    return n;
                }));
            }
            for (int i = 0; i < 20; i++) swapping.replace(i % 2 == 0 ? v2 : v1);
            stop.set(true);
            for (Future<Integer> f : searchers) assertThat(f.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<FaqEntry> version(String tag) {
        List<FaqEntry> out = new ArrayList<>();
        out.add(entry("How do I reset my password? (" + tag + ")", List.of(), "Use the link on the sign-in page.", null));
        for (int i = 0; i < 100; i++) out.add(entry("Question " + i + " about topic " + tag, List.of("other phrasing " + i), "Answer " + i, null));
        return out;
    }
}
