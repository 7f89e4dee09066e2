package org.queqiao.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeBufferTest {

    @Test
    void keepsTheNewestUpToCapacityOldestFirst() {
        ResumeBuffer b = new ResumeBuffer(5, Long.MAX_VALUE);
        for (long s = 1; s <= 12; s++) b.add(new PushFrame(s, "t", "{}"));

        assertThat(seqs(b)).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(b.oldestSeqOr(13)).isEqualTo(8);
    }

    @Test
    void acknowledgingDropsThroughTheSequenceAndEmptyingReleasesTheArray() {
        ResumeBuffer b = new ResumeBuffer(100, Long.MAX_VALUE);
        for (long s = 1; s <= 10; s++) b.add(new PushFrame(s, "t", "{}"));

        b.dropThrough(4);
        assertThat(seqs(b)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
        b.dropThrough(10);
        assertThat(b.size()).isZero();
        assertThat(b.oldestSeqOr(11)).isEqualTo(11);
        b.add(new PushFrame(11, "t", "{}"));
        assertThat(seqs(b)).containsExactly(11L);
    }

    @Test
    void keepsTheNewestWithinTheByteBoundAndAlwaysTheLatest() {
        String big = "{\"text\":\"" + "x".repeat(1000) + "\"}";
        long each = new PushFrame(1, "t", big).heapBytes();
        ResumeBuffer b = new ResumeBuffer(256, 3 * each + each / 2);
        for (long s = 1; s <= 10; s++) b.add(new PushFrame(s, "t", big));

        assertThat(seqs(b)).containsExactly(8L, 9L, 10L);
        assertThat(b.bytes()).isEqualTo(3 * each);
        b.add(new PushFrame(11, "t", "{\"text\":\"" + "y".repeat(10_000) + "\"}")); // larger than the bound on its own
        assertThat(seqs(b)).containsExactly(11L);
        b.dropThrough(11);
        assertThat(b.bytes()).isZero();
        b.add(new PushFrame(12, "t", "{}"));
        assertThat(b.bytes()).isEqualTo(new PushFrame(12, "t", "{}").heapBytes());
    }

    @Test
    void aZeroCapacityBufferHoldsNothing() {
        ResumeBuffer b = new ResumeBuffer(0, Long.MAX_VALUE);
        b.add(new PushFrame(1, "t", "{}"));
        assertThat(b.size()).isZero();
    }

    @Test
    void pushFramesAreTheDocumentedJson() {
        assertThat(new PushFrame(7, "chat.message", "{\"a\":1}").json())
                .isEqualTo("{\"t\":\"push\",\"seq\":7,\"topic\":\"chat.message\",\"data\":{\"a\":1}}");
    }

    private static List<Long> seqs(ResumeBuffer b) {
        List<Long> seqs = new ArrayList<>();
        b.forEach(f -> seqs.add(f.seq()));
        return seqs;
    }
}
