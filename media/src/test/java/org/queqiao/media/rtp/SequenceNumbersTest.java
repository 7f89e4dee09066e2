package org.queqiao.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void deltaIsTheShortestWayAroundTheCircle() {
        assertThat(SequenceNumbers.delta(5, 3)).isEqualTo(2);
        assertThat(SequenceNumbers.delta(3, 5)).isEqualTo(-2);
        assertThat(SequenceNumbers.delta(0, 65535)).isEqualTo(1);
        assertThat(SequenceNumbers.delta(65535, 0)).isEqualTo(-1);
        assertThat(SequenceNumbers.delta(10, 65530)).isEqualTo(16);
        assertThat(SequenceNumbers.isNewer(2, 65000)).isTrue();
        assertThat(SequenceNumbers.isNewer(65000, 2)).isFalse();
        assertThat(SequenceNumbers.add(65535, 2)).isEqualTo(1);
    }

    @Test
    void extendsAcrossWrapInBothDirections() {
        long reference = 3L * 65536 + 65534; // cycle 3, near the top
        assertThat(SequenceNumbers.extend(1, reference)).isEqualTo(4L * 65536 + 1);
        assertThat(SequenceNumbers.extend(65530, reference)).isEqualTo(3L * 65536 + 65530);
        long justWrapped = 4L * 65536 + 2;
        assertThat(SequenceNumbers.extend(65533, justWrapped)).as("late packet from the previous cycle")
                .isEqualTo(3L * 65536 + 65533);
    }
}
