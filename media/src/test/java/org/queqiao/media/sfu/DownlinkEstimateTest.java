package org.queqiao.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DownlinkEstimateTest {
    private static final long S = 1_000_000_000L, CEILING = 10_000_000;

    @Test
    void heavyLossCutsFromWhatWasSentByHalfTheLoss() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onLoss(0.30, 1_000_000, CEILING, S);
        assertEquals(850_000, e.bps(), "not from the untried 3 Mbit/s above what was sent");
    }

    @Test
    void fallsAtMostOnceASecondHoweverManyStreamsReport() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onLoss(0.20, 1_000_000, CEILING, S);
        e.onLoss(0.20, 1_000_000, CEILING, S + S / 10); // the next stream's report of the same loss
        assertEquals(900_000, e.bps());
        e.onLoss(0.20, 900_000, CEILING, 2 * S);
        assertEquals(810_000, e.bps());
    }

    @Test
    void moderateLossHoldsAndLowLossGrowsEightPercentASecond() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onLoss(0.5, 1_000_000, CEILING, S);
        assertEquals(750_000, e.bps());
        e.onLoss(0.05, 750_000, CEILING, 2 * S);
        assertEquals(750_000, e.bps(), "between 2 and 10 %: hold");
        e.onLoss(0.0, 750_000, CEILING, 3 * S);
        assertEquals(810_000, e.bps());
        e.onLoss(0.0, 750_000, CEILING, 3 * S + S / 2);
        assertEquals(842_400, e.bps(), "half a second: 4 %");
    }

    @Test
    void growsNoFurtherThanTheCeiling() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onLoss(0.0, 100_000, 1_000_000, S);
        assertEquals(1_000_000, e.bps(), "never far above anything the views could use");
        for (int i = 2; i < 10; i++) e.onLoss(0.0, 100_000, 1_000_000, i * S);
        assertEquals(1_000_000, e.bps());
    }

    @Test
    void aRembFarBelowWhatWeSendIsOveruseAndIsTakenAtItsWord() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onRemb(2_000_000, 1_000_000, S); // 1.5 x incoming is what a healthy receiver says: no cap
        assertEquals(DownlinkEstimate.INITIAL_BPS, e.bps());
        e.onRemb(700_000, 1_000_000, 2 * S); // a starved receiver's noise
        assertEquals(DownlinkEstimate.INITIAL_BPS, e.bps());
        assertTrue(e.onRemb(420_000, 1_000_000, 3 * S)); // sending twice what the link carries
        assertEquals(420_000, e.bps());
        e.onRemb(1_000, 1_000_000, 4 * S);
        assertEquals(DownlinkEstimate.MIN_BPS, e.bps(), "never below the floor: the lowest layers still go");
    }

    @Test
    void afterAFallGrowthStaysBelowTheRateThatFailedForAWhileLongerEachTimeATryFailsAgain() {
        DownlinkEstimate e = new DownlinkEstimate();
        long t = 10 * S;
        assertTrue(e.onLoss(0.4, 1_000_000, CEILING, t)); // sending 1 Mbit/s failed: 800k
        for (int i = 1; i <= 3; i++) e.onLoss(0, 800_000, CEILING, t + i * S);
        e.onLoss(0, 1_000_000, CEILING, t + 3 * S + 9 * S / 10);
        assertEquals(1_000_000, e.bps(), "grows back to the rate that failed, not past it, for 4 s");
        long tried = t + 4 * S + S / 2; // the hold is over: it grows past and the allocation tries a higher layer
        e.onLoss(0, 1_000_000, CEILING, tried);
        assertTrue(e.bps() > 1_000_000);
        assertTrue(e.onLoss(0.4, 1_200_000, CEILING, tried + S)); // which fails too: now 8 s below 1.2M
        long fellAgain = tried + S;
        for (int i = 1; i <= 7; i++) e.onLoss(0, 960_000, CEILING, fellAgain + i * S);
        assertEquals(1_200_000, e.bps(), "held twice as long");
        e.onLoss(0, 1_200_000, CEILING, fellAgain + 8 * S + S / 2);
        assertTrue(e.bps() > 1_200_000);
    }

    @Test
    void aFallLongAfterTheLastStartsTheShortHoldAgain() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onLoss(0.4, 1_000_000, CEILING, S);
        e.onLoss(0.4, 1_000_000, CEILING, 6 * S); // soon after the 4 s hold: held 8 s
        e.onLoss(0.4, 600_000, CEILING, 300 * S); // minutes later, at 600k: 480k, held 4 s again
        for (int i = 1; i <= 5; i++) e.onLoss(0, 600_000, CEILING, 300 * S + i * S);
        assertTrue(e.bps() > 600_000, "grew past the failed rate 4 s after, not 8 or 16");
    }

    @Test
    void aReportWithNothingSentCutsNothing() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onLoss(0.9, 0, CEILING, S);
        assertTrue(e.bps() >= DownlinkEstimate.INITIAL_BPS);
    }

    @Test
    void aStandingQueueCutsToEightyFivePercentOfWhatTheLinkDelivered() {
        DownlinkEstimate e = new DownlinkEstimate();
        assertTrue(e.onQueue(2_000_000, 1_200_000, S));
        assertEquals(1_020_000, e.bps(), "from what arrived, not from what we sent (the queue dropped the rest)");
        assertFalse(e.onQueue(1_500_000, 1_000_000, S + S / 2), "a lower layer takes a keyframe to reach: not again yet");
        assertEquals(1_020_000, e.bps());
        assertTrue(e.onQueue(1_100_000, 1_000_000, 2 * S));
        assertEquals(850_000, e.bps());
        assertTrue(e.onQueue(900_000, -1, 3 * S), "delivery not known yet: from what we sent");
        assertEquals(722_500, e.bps());
        assertFalse(e.onQueue(0, -1, 5 * S), "nothing sent: nothing to cut from");
    }

    @Test
    void noGrowthForASecondAfterAStandingQueue() {
        DownlinkEstimate e = new DownlinkEstimate();
        e.onQueue(1_000_000, 1_000_000, S);
        e.onLoss(0.0, 850_000, CEILING, 100 * S); // long after its hold
        long grown = e.bps();
        e.onQueue(0, -1, 101 * S); // a queue again, nothing sent meanwhile: no fall, but no growth either
        e.onLoss(0.0, 850_000, CEILING, 101 * S + S / 2);
        assertEquals(grown, e.bps());
        e.onLoss(0.0, 850_000, CEILING, 102 * S + S / 2);
        assertTrue(e.bps() > grown);
    }
}
