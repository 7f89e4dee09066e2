package org.queqiao.desk.bot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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
        assertThat(first).isEqualTo(ALL.stream().mapToInt(e -> e.phrasings().size() + 1).sum()); // phrasings + question&answer
        kb.replace(ALL);
        assertThat(embedder.embedded.get()).isEqualTo(first);
        List<FaqEntry> edited = new ArrayList<>(ALL);
        edited.set(0, new FaqEntry(SURRENDER.id(), SURRENDER.question(), List.of("如何取消保单", "退保要多久"), SURRENDER.answer(), "保险"));
        kb.replace(edited);
        assertThat(embedder.embedded.get() - first).isEqualTo(1); // the new alternative only
        assertThat(kb.search("退保要多久", 3).candidates().getFirst().entry().alternatives()).contains("退保要多久");
    }
}
