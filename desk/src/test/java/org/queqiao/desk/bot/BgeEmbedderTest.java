package org.queqiao.desk.bot;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queqiao.desk.bot.FaqFixtures.*;

/** The real models (loaded once, about a second): paraphrases that share no word with the FAQ are still found. */
class BgeEmbedderTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = new KnowledgeBase(RetrievalTuning.HYBRID, BgeEmbedder.shared());
        kb.replace(ALL);
    }

    @Test
    void vectorsAreUnitLengthAndNamedByLanguage() {
        List<TextEmbedder.Vector> v = BgeEmbedder.shared().embed(List.of("怎么退保", "how do I return an item", "iPhone 怎么退货", " "));
        assertThat(v).extracting(TextEmbedder.Vector::model)
                .containsExactly("bge-small-zh-v1.5", "bge-small-en-v1.5", "bge-small-zh-v1.5", "bge-small-en-v1.5");
        for (TextEmbedder.Vector x : v) {
            double norm = 0;
            for (float f : x.values()) norm += f * f;
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void findsParaphrasesBeyondSharedWords() {
        assertThat(kb.search("我的包裹现在在哪", 3).candidates().getFirst().entry()).isEqualTo(TRACKING);
        assertThat(kb.search("保险不想要了", 3).candidates().getFirst().entry()).isEqualTo(SURRENDER);
        assertThat(kb.search("I can't remember my login", 3).candidates().getFirst().entry()).isEqualTo(PASSWORD);
        assertThat(kb.search("what time does the stock market close", 3).candidates().getFirst().entry()).isEqualTo(TRADING_HOURS);
    }

    @Test
    void isMoreConfidentOfAnExactQuestionThanOfAnUnrelatedOne() {
        double exact = kb.search("How do I return an item?", 3).confidence();
        double unrelated = kb.search("what is the weather like in Paris tomorrow", 3).confidence();
        assertThat(exact).isGreaterThan(0.5).isGreaterThan(unrelated);
    }
}
