package org.queqiao.desk.bot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuestionFormTest {
    @Test
    void aTextEndingInAWordBecomesAQuestionInItsLanguage() {
        assertEquals("保险不要了钱能退回来吗？", QuestionForm.of("保险不要了钱能退回来吗"));
        assertEquals("ordered by mistake?", QuestionForm.of("ordered by mistake"));
        assertEquals("办理5G套餐？", QuestionForm.of("办理5G套餐 "));
        assertEquals("refund order 42?", QuestionForm.of("refund order 42"));
    }

    @Test
    void aTextThatAlreadyEndsInPunctuationOrASymbolKeepsIt() {
        assertEquals("怎么退保？", QuestionForm.of("怎么退保？"));
        assertEquals("How do I cancel?", QuestionForm.of("How do I cancel?"));
        assertEquals("我要退款。", QuestionForm.of("我要退款。"));
        assertEquals("help!", QuestionForm.of("help!"));
        assertEquals("谢谢😊", QuestionForm.of("谢谢😊"));
    }

    @Test
    void blankTextIsLeftAlone() {
        assertEquals("", QuestionForm.of(""));
        assertEquals("  ", QuestionForm.of("  "));
    }
}
