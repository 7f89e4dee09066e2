package org.queqiao.desk.bot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.desk.bot.FaqFixtures.*;

/** The knowledge base with an embedder, on a deterministic stand-in for the model (characters hashed into a vector). */
class HybridKnowledgeBaseTest {
    /** Texts with a Han character go to model "zh", others to "en", like BgeEmbedder; counts what it embeds. */
    static final class CharacterEmbedder implements TextEmbedder {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public List<Vector> embed(List<String> texts) {
            embedded.addAndGet(texts.size());
            List<Vector> out = new ArrayList<>();
            for (String t : texts) {
                float[] v = new float[64];
                t.toLowerCase().codePoints().filter(Character::isLetterOrDigit).forEach(c -> v[Math.floorMod(c * 31, 64)] += 1);
                double norm = 0;
                for (float x : v) norm += x * x;
                for (int i = 0; i < v.length; i++) v[i] /= (float) Math.max(1e-9, Math.sqrt(norm));
                out.add(new Vector(BgeEmbedder.isChinese(t) ? "zh" : "en", v));
            }
            return out;
        }
    }

    private final CharacterEmbedder embedder = new CharacterEmbedder();

    @Test
    void ranksByTheEmbeddingAndKeepsConfidenceInTheUnitInterval() {
        KnowledgeBase kb = new KnowledgeBase(RetrievalTuning.HYBRID, embedder);
        kb.replace(ALL);
        FaqSearchResult r = kb.search("What are the trading hours?", 3);
        assertThat(r.candidates().getFirst().entry()).isEqualTo(TRADING_HOURS);
        assertThat(r.confidence()).isBetween(0.0, 1.0);
        assertThat(kb.search("怎么退保", 3).candidates().getFirst().entry()).isEqualTo(SURRENDER);
        assertThat(kb.search("？？", 3)).isEqualTo(FaqSearchResult.NONE); // no searchable word: no answer, whatever the vectors say
    }

    @Test
    void theVisitorsTextIsEmbeddedAsAQuestionUnlessTheTuningSaysOtherwise() {
        List<String> asked = new ArrayList<>();
        TextEmbedder recording = texts -> {
            if (texts.size() == 1) asked.add(texts.getFirst());
            return embedder.embed(texts);
        };
        KnowledgeBase kb = new KnowledgeBase(RetrievalTuning.HYBRID, recording);
        kb.replace(ALL);
        kb.search("怎么退保", 3);
        kb.search("trading hours", 3);
        kb.search("怎么退保？", 3);
        assertThat(asked).containsExactly("怎么退保？", "trading hours?", "怎么退保？");
        asked.clear();
        KnowledgeBase asTyped = new KnowledgeBase(RetrievalTuning.HYBRID.withQuestionForm(false), recording);
        asTyped.replace(ALL);
        asTyped.search("怎么退保", 3);
        assertThat(asked).containsExactly("怎么退保");
    }

    @Test
    void neverComparesVectorsOfDifferentModels() {
        KnowledgeBase kb = new KnowledgeBase(RetrievalTuning.HYBRID, embedder);
        kb.replace(List.of(RETURN, PASSWORD)); // English only
        assertThat(kb.search("退货", 3)).isEqualTo(FaqSearchResult.NONE);
    }

    @Test
    void aReplacementEmbedsOnlyTheTextsTheCurrentVersionLacks() {
        KnowledgeBase kb = new KnowledgeBase(RetrievalTuning.HYBRID, embedder);
        kb.replace(ALL);
        int first = embedder.embedded.get();
        // phrasings + question&answer + the answer's sentences (some sentences are shared between entries: embedded once)
        assertThat(first).isEqualTo((int) ALL.stream().flatMap(e -> java.util.stream.Stream.concat(
                java.util.stream.Stream.concat(e.phrasings().stream(), java.util.stream.Stream.of(e.question() + "\n" + e.answer())),
                AnswerSentences.of(e.answer()).stream())).distinct().count());
        kb.replace(ALL);
        assertThat(embedder.embedded.get()).isEqualTo(first);
        List<FaqEntry> edited = new ArrayList<>(ALL);
        edited.set(0, new FaqEntry(SURRENDER.id(), SURRENDER.question(), List.of("如何取消保单", "退保要多久"), SURRENDER.answer(), "保险"));
        kb.replace(edited);
        assertThat(embedder.embedded.get() - first).isEqualTo(1); // the new alternative only
        assertThat(kb.search("退保要多久", 3).candidates().getFirst().entry().alternatives()).contains("退保要多久");
    }

    @Test
    void anEntryThatSeveralPhrasingsMatchOutranksOneThatASinglePhrasingMatchesSlightlyBetter() {
        // ONE has a phrasing a little closer to the question than any of MANY's, and one unrelated phrasing;
        // all three of MANY's are close. The best cosine picks ONE; the soft maximum (pooled evidence) picks MANY.
        FaqEntry one = new FaqEntry(UUID.randomUUID(), "alpha beta", List.of("zulu yankee"), "Answer one.", null);
        FaqEntry many = new FaqEntry(UUID.randomUUID(), "alpha gamma", List.of("beta gamma", "alpha beta delta"), "Answer two.", null);
        Map<String, float[]> vectors = Map.of(
                "alpha beta gamma?", new float[] {1, 0.85f, 0.1f}, // the question
                "alpha beta", new float[] {1, 0.9f, 0},            // cosine 0.997
                "alpha gamma", new float[] {1, 0.72f, 0.2f},       // 0.993
                "beta gamma", new float[] {0.72f, 1, 0.2f},        // 0.968
                "alpha beta delta", new float[] {1, 0.75f, 0.25f}); // 0.991
        TextEmbedder fixed = texts -> texts.stream()
                .map(t -> new TextEmbedder.Vector("en", unit(vectors.getOrDefault(t, new float[] {0, 0, 1})))).toList();
        RetrievalTuning bestCosine = RetrievalTuning.DEFAULT.withEmbedding(1f, false);
        assertThat(firstFor("alpha beta gamma?", new KnowledgeBase(bestCosine, fixed), one, many)).isEqualTo(one);
        assertThat(firstFor("alpha beta gamma?", new KnowledgeBase(bestCosine.withPooling(0.03f, 0f), fixed), one, many)).isEqualTo(many);
    }

    @Test
    void aSentenceOfTheAnswerCanDecide() {
        // Both entries' phrasings are equally far from the question; only CARD's answer mentions what it asks.
        FaqEntry card = new FaqEntry(UUID.randomUUID(), "change payment", List.of(), "Open Settings. Replace the expiring credit card there.", null);
        FaqEntry plan = new FaqEntry(UUID.randomUUID(), "change plan", List.of(), "Open Settings. Pick another plan.", null);
        Map<String, float[]> vectors = Map.of(
                "my credit card expires", new float[] {1, 0, 1},
                "change payment", new float[] {1, 1, 0},
                "change plan", new float[] {1, 1, 0},
                "Replace the expiring credit card there", new float[] {0, 0, 1});
        TextEmbedder fixed = texts -> texts.stream()
                .map(t -> new TextEmbedder.Vector("en", unit(vectors.getOrDefault(t, new float[] {0, 1, 0})))).toList();
        RetrievalTuning phrasingsOnly = RetrievalTuning.DEFAULT.withEmbedding(1f, false);
        KnowledgeBase plain = new KnowledgeBase(phrasingsOnly, fixed);
        plain.replace(List.of(card, plan));
        FaqSearchResult without = plain.search("my credit card expires", 2);
        assertThat(without.candidates().get(0).score()).isEqualTo(without.candidates().get(1).score());
        assertThat(firstFor("my credit card expires", new KnowledgeBase(phrasingsOnly.withPooling(0f, 0.3f), fixed), plan, card)).isEqualTo(card);
    }

    private static FaqEntry firstFor(String question, KnowledgeBase kb, FaqEntry... entries) {
        kb.replace(List.of(entries));
        return kb.search(question, 2).candidates().getFirst().entry();
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / Math.sqrt(norm));
        return out;
    }
}
