package org.queqiao.platform.page;

import org.junit.jupiter.api.Test;
import org.queqiao.platform.problem.ProblemException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {
    @Test
    void cursorsRoundTripUnicodeSortKeys() {
        String c = PageRequest.cursor("张伟", "id-1");
        PageRequest p = PageRequest.parse(c, "10");
        assertThat(p.afterSort()).isEqualTo("张伟");
        assertThat(p.afterId()).isEqualTo("id-1");
        assertThat(p.limit()).isEqualTo(10);
    }

    @Test
    void badCursorsAndLimitsNameTheirField() {
        assertThatThrownBy(() -> PageRequest.parse("!!!", null)).isInstanceOf(ProblemException.class).extracting("field").isEqualTo("cursor");
        assertThatThrownBy(() -> PageRequest.parse(null, "0")).extracting("field").isEqualTo("limit");
        assertThatThrownBy(() -> PageRequest.parse(null, "1e3")).extracting("code").isEqualTo("invalid_number");
    }

    @Test
    void pagesCarryACursorOnlyWhenMoreRemain() {
        assertThat(Page.of(List.of(1, 2, 3), 3, String::valueOf).nextCursor()).isNull();
        Page<Integer> p = Page.of(List.of(1, 2, 3, 4), 3, String::valueOf);
        assertThat(p.items()).containsExactly(1, 2, 3);
        assertThat(p.nextCursor()).isEqualTo("3");
    }
}
