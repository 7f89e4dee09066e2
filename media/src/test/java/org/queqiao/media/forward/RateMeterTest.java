package org.queqiao.media.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsTheLastSecond() {
        RateMeter meter = new RateMeter();
        long start = 5_000 * MS;
        for (int i = 0; i < 100; i++) meter.add(1250, start + i * 10 * MS); // 125,000 bytes over a second: 1 Mbit/s
        assertEquals(1_000_000, meter.bitsPerSecond(start + 999 * MS));
    }

    @Test
    void forgetsWhatIsOlderThanASecond() {
        RateMeter meter = new RateMeter();
        long start = 5_000 * MS;
        meter.add(1000, start);
        meter.add(500, start + 950 * MS);
        assertEquals(12_000, meter.bitsPerSecond(start + 950 * MS));
        assertEquals(4_000, meter.bitsPerSecond(start + 1_050 * MS), "the first slot has left the window");
        assertEquals(0, meter.bitsPerSecond(start + 3_000 * MS), "silence");
        meter.add(100, start + 3_000 * MS);
        assertEquals(800, meter.bitsPerSecond(start + 3_000 * MS), "a reused slot starts from zero");
    }

    @Test
    void worksWhereTheClockIsNegative() {
        RateMeter meter = new RateMeter(); // System.nanoTime may be any long
        long start = -7_000 * MS;
        meter.add(1000, start);
        meter.add(1000, start + 500 * MS);
        assertEquals(16_000, meter.bitsPerSecond(start + 500 * MS));
    }
}
