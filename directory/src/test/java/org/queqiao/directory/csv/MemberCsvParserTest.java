package org.queqiao.directory.csv;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.problem.ProblemException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MemberCsvParserTest {
    private final MemberCsvParser parser = new MemberCsvParser(100);

    @Test
    void readsTheTemplateWithDepartmentPathsAndRoles() {
        List<ImportRow> rows = parser.parse(MemberCsvParser.TEMPLATE);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).departmentPath()).containsExactly("Teaching", "Grade 1", "Class 3");
        assertThat(rows.get(1).role()).isEqualTo(Role.ADMIN);
        assertThat(rows.get(0).row()).isEqualTo(2);
    }

    @Test
    void acceptsChineseHeadersAnExcelBomAndQuotedCommas() {
        List<ImportRow> rows = parser.parse("\uFEFF姓名,邮箱,部门,角色\n\"Wang, Fang\",WF@Example.com,教学部/一年级,管理员\n");
        assertThat(rows.get(0).name()).isEqualTo("Wang, Fang");
        assertThat(rows.get(0).email()).isEqualTo("wf@example.com");
        assertThat(rows.get(0).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void reportsEveryBadRowWithItsFieldAndRowNumber() {
        ProblemException p = catchThrowableOfType(ProblemException.class, () -> parser.parse(
                "name,email,role,department\nOk,ok@example.com,,\n,missing@example.com,,\nBad,bad,,\nDup,ok@example.com,,\nR,r@example.com,king,\nD,d@example.com,,A//B\n"));
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.code()).isEqualTo("import_rejected");
        @SuppressWarnings("unchecked")
        List<ImportRowError> errors = (List<ImportRowError>) p.extensions().get("rows");
        assertThat(errors).extracting(ImportRowError::row, ImportRowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "name"), org.assertj.core.groups.Tuple.tuple(4, "email"),
                org.assertj.core.groups.Tuple.tuple(5, "email"), org.assertj.core.groups.Tuple.tuple(6, "role"),
                org.assertj.core.groups.Tuple.tuple(7, "department"));
        assertThat(errors.get(2).code()).isEqualTo("duplicate_in_file");
    }

    @Test
    void refusesFilesOverTheRowLimit() {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 101; i++) csv.append("n,").append(i).append("@example.com\n");
        assertThatThrownBy(() -> parser.parse(csv.toString())).isInstanceOf(ProblemException.class).extracting("code").isEqualTo("too_many_rows");
    }
}
