package org.queqiao.directory;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.auth.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeysTest {
    private static Member m(String name, String email) {
        return new Member(UUID.randomUUID(), UUID.randomUUID(), name, email, "138 0000", "Teacher", null, Role.MEMBER, MemberStatus.ACTIVE, List.of(), Instant.now());
    }

    @Test
    void everyQueryKeyOfASubstringIsAKeyOfTheMember() {
        Member zhang = m("张伟明", "Wei.Zhang@Example.com");
        List<String> keys = SearchKeys.keys(zhang);
        for (String q : List.of("张", "张伟", "伟明", "张伟明", "wei", "wei.zh", "teach", "138")) {
            assertThat(keys).as(q).containsAll(SearchKeys.queryKeys(q));
            assertThat(SearchKeys.text(zhang)).as(q).contains(SearchKeys.normalise(q));
        }
    }

    @Test
    void chineseNamesAreFoundByPinyinAndInitials() {
        Member zhang = m("张伟明", "zwm@example.com");
        assertThat(Pinyin.of("张伟明")).containsExactly("zhangweiming", "zwm");
        assertThat(Pinyin.of("Li Na")).isNull();
        for (String q : List.of("zhangwei", "weiming", "zwm", "zw")) {
            assertThat(SearchKeys.keys(zhang)).as(q).containsAll(SearchKeys.queryKeys(q));
            assertThat(SearchKeys.text(zhang)).as(q).contains(q);
        }
    }

    @Test
    void theSharedEmailDomainIsNotSearchable() {
        Member zhang = m("张伟明", "Wei.Zhang@Example.com");
        assertThat(SearchKeys.text(zhang)).doesNotContain("example");
        assertThat(SearchKeys.keys(zhang)).doesNotContain("co", "om", "@e");
    }

    @Test
    void oneCharacterQueriesArePrefixesWithAnExclusiveUpperBound() {
        assertThat(SearchKeys.isPrefixQuery("王")).isTrue();
        assertThat(SearchKeys.isPrefixQuery("王伟")).isFalse();
        assertThat(SearchKeys.prefixUpperBound("王")).isEqualTo("玌");
        assertThat(SearchKeys.prefixUpperBound("W")).isEqualTo("x");
    }

    @Test
    void queriesBecomePairsOrOneCharacter() {
        assertThat(SearchKeys.queryKeys("张")).containsExactly("张");
        assertThat(SearchKeys.queryKeys("张伟")).containsExactly("张伟");
        assertThat(SearchKeys.queryKeys(" AbcA ")).containsExactly("ab", "bc", "ca");
    }

    @Test
    void charactersOutsideTheBasicPlaneStayWhole() {
        Member rare = m("𠮷野家", "a@example.com");
        assertThat(SearchKeys.keys(rare)).contains("𠮷", "𠮷野");
    }

    @Test
    void fieldsAreSeparatedSoAQueryCannotSpanThem() {
        Member a = m("ab", "cd@example.com");
        assertThat(SearchKeys.text(a)).doesNotContain("abcd");
    }
}
