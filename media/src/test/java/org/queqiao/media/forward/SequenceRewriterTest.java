package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceRewriterTest {
    private final SequenceRewriter numbering = new SequenceRewriter();

    @Test
    void untilAPauseTheSubscriberGetsThePublishersNumbersLateOnesIncluded() {
        for (int seq : new int[] {65534, 65535, 1, 0, 2}) assertThat(numbering.toSubscriber(seq)).isEqualTo(seq);
        assertThat(numbering.toSubscriber(65530)).as("late, from before the first packet").isEqualTo(65530);
        assertThat(numbering.toPublisher(1)).isEqualTo(1);
        assertThat(numbering.toPublisher(3)).as("not sent yet").isEqualTo(-1);
    }

    @Test
    void afterAPauseTheNumbersCarryOnWhereTheSubscriberLeftOff() {
        for (int seq = 100; seq <= 110; seq++) numbering.toSubscriber(seq);
        numbering.resume();
        // the publisher sent 40,000 packets meanwhile: more than half the sequence space
        assertThat(numbering.toSubscriber(40_110)).isEqualTo(111);
        assertThat(numbering.toSubscriber(40_112)).as("a gap stays a gap").isEqualTo(113);
        assertThat(numbering.toSubscriber(40_111)).as("reordered inside the epoch").isEqualTo(112);
        assertThat(numbering.toSubscriber(40_109)).as("from before the resume: its number was used").isEqualTo(-1);

        assertThat(numbering.toPublisher(112)).isEqualTo(40_111);
        assertThat(numbering.toPublisher(111)).isEqualTo(40_110);
        assertThat(numbering.toPublisher(110)).as("sent before the pause, under other numbering").isEqualTo(-1);
        assertThat(numbering.toPublisher(114)).as("not sent yet").isEqualTo(-1);
    }

    @Test
    void aLongEpochAndTheWrapAreNoProblem() {
        numbering.toSubscriber(7);
        numbering.resume();
        int publisher = 50_000, expected = 8;
        for (int i = 0; i < 200_000; i++) {
            assertThat(numbering.toSubscriber(publisher)).isEqualTo(expected);
            publisher = publisher + 1 & 0xFFFF;
            expected = expected + 1 & 0xFFFF;
        }
        int last = expected - 1 & 0xFFFF;
        assertThat(numbering.toPublisher(last)).isEqualTo(publisher - 1 & 0xFFFF);
        assertThat(numbering.toSubscriber(publisher - 5 & 0xFFFF)).as("reordered, long after the resume").isEqualTo(last - 4 & 0xFFFF);
    }

    @Test
    void nothingIsKnownBeforeTheFirstPacket() {
        assertThat(numbering.toPublisher(5)).isEqualTo(-1);
        numbering.resume();
        assertThat(numbering.toSubscriber(9)).as("a resume before anything was sent changes nothing").isEqualTo(9);
    }
}
