package org.queqiao.desk.bot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaqCsvTest {
    private final FaqCsv csv = new FaqCsv(100);

    private List<FaqEntry> parsed(String text) {
        FaqCsvResult r = csv.parse(text);
        assertThat(r).isInstanceOf(FaqCsvResult.Parsed.class);
        return ((FaqCsvResult.Parsed) r).entries();
    }

    private List<FaqCsvError> rejected(String text) {
        FaqCsvResult r = csv.parse(text);
        assertThat(r).isInstanceOf(FaqCsvResult.Rejected.class);
        return ((FaqCsvResult.Rejected) r).errors();
    }

    @Test
    void parsesTheTemplateWithQuotesCommasAndAlternatives() {
        List<FaqEntry> entries = parsed(FaqCsv.TEMPLATE);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).question()).isEqualTo("如何退保？");
        assertThat(entries.get(0).alternatives()).containsExactly("怎么取消保单", "退保流程");
        assertThat(entries.get(0).answer()).contains("，进入“我的保单”");
        assertThat(entries.get(1).answer()).isEqualTo("On the sign-in page, choose \"Forgot password\".");
        assertThat(entries.get(1).category()).isEqualTo("Account");
        assertThat(entries.get(0).id()).isNotEqualTo(entries.get(1).id());
    }

    @Test
    void acceptsBomChineseHeadersAnyColumnOrderAndMultilineAnswers() {
        List<FaqEntry> entries = parsed("\uFEFF答案,问题\n\"第一行\n第二行\",怎么开户？\n");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.question()).isEqualTo("怎么开户？");
            assertThat(e.answer()).isEqualTo("第一行\n第二行");
            assertThat(e.alternatives()).isEmpty();
            assertThat(e.category()).isNull();
        });
    }

    @Test
    void dropsBlankRepeatedAndSelfAlternatives() {
        FaqEntry e = parsed("question,alternatives,answer\nQ1,a| |b|a|Q1,A\n").getFirst();
        assertThat(e.alternatives()).containsExactly("a", "b");
    }

    @Test
    void reportsEveryBadRowAndImportsNothing() {
        String file = "question,alternatives,answer,category\n"
                + "ok question,,fine,\n"                                  // row 2: valid
                + ",,missing question,\n"                                 // row 3
                + "no answer,,,\n"                                        // row 4
                + "q".repeat(201) + ",,too long,\n"                       // row 5
                + "fine too,a|b,answer,cat\n"                           // row 6: valid
                + "\"two\nlines\",,a,\n"                                  // row 7: a question on two lines
                + "OK Question!,,same question again,\n";                 // row 8: duplicate of row 2
        List<FaqCsvError> errors = rejected(file);
        assertThat(errors).extracting(FaqCsvError::row, FaqCsvError::field, FaqCsvError::code).contains(
                org.assertj.core.groups.Tuple.tuple(3, "question", "required"),
                org.assertj.core.groups.Tuple.tuple(4, "answer", "required"),
                org.assertj.core.groups.Tuple.tuple(5, "question", "too_long"),
                org.assertj.core.groups.Tuple.tuple(7, "question", "control_character"),
                org.assertj.core.groups.Tuple.tuple(8, "question", "duplicate_in_file"));
        assertThat(errors.stream().filter(e -> e.row() == 8).findFirst().orElseThrow().message()).contains("row 2");
    }

    @Test
    void limitsAlternativesInNumberAndLength() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) many.append("alt ").append(i).append('|');
        List<FaqCsvError> errors = rejected("question,alternatives,answer\nq1," + many + ",a\nq2," + "y".repeat(201) + ",a\n");
        assertThat(errors).extracting(FaqCsvError::row, FaqCsvError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "too_many"), org.assertj.core.groups.Tuple.tuple(3, "too_long"));
        assertThat(rejected("question,answer\nq," + "a".repeat(2001) + "\n")).extracting(FaqCsvError::code).containsExactly("too_long");
        assertThat(parsed("question,answer\nq," + "a".repeat(2000) + "\n")).hasSize(1);
    }

    @Test
    void fileLevelProblems() {
        assertThat(rejected("")).extracting(FaqCsvError::code).containsExactly("empty_file");
        assertThat(rejected("question,answer\n")).extracting(FaqCsvError::code).containsExactly("no_rows");
        assertThat(rejected("question,category\nq,c\n")).extracting(FaqCsvError::row, FaqCsvError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "missing_column"));
        assertThat(rejected("怎么开户？,下载App\n")).extracting(FaqCsvError::code).containsOnly("unknown_column");
        assertThat(rejected("question,answer,answer\nq,a,b\n")).extracting(FaqCsvError::code).containsExactly("duplicate_column");
        assertThat(rejected("question,answer\n\"unterminated,a\n")).extracting(FaqCsvError::code).containsExactly("malformed_csv");
        assertThat(new FaqCsv(2).parse("question,answer\nq1,a\nq2,a\nq3,a\n")).isInstanceOfSatisfying(FaqCsvResult.Rejected.class,
                r -> assertThat(r.errors()).extracting(FaqCsvError::code).containsExactly("too_many_rows"));
    }
}
