package org.queqiao.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameEndCopiesTest {
    private static final long S = 1_000_000_000L, TICK = S / 10;
    private final FrameEndCopies copies = new FrameEndCopies();

    /** Reports of {@code loss} ten a second (as libwebrtc sends them with its NACKs) from {@code from} for {@code nanos}; returns the end. */
    private long report(double loss, long from, long nanos) {
        long at = from;
        for (; at < from + nanos; at += TICK) copies.onLoss(loss, at);
        return at;
    }

    /** As {@link #report}, until the copies are {@code on} (or {@code nanos} passed); returns when. */
    private long reportUntil(boolean on, double loss, long from, long nanos) {
        for (long at = from; at < from + nanos; at += TICK) {
            copies.onLoss(loss, at);
            if (copies.on(at) == on) return at;
        }
        throw new AssertionError("the copies did not turn " + (on ? "on" : "off"));
    }

    @Test
    void onOnceAWindowShowsLossAndOffWhenTheLossHasBeenGoneForTheHold() {
        long t = report(0.01, 123 * S, 5 * S);
        assertThat(copies.on(t)).as("1 % is below the threshold").isFalse();
        long on = reportUntil(true, 0.05, t, FrameEndCopies.WINDOW_NANOS + S);
        long clean = report(0.05, on, 4 * S);
        long off = reportUntil(false, 0, clean, FrameEndCopies.HOLD_NANOS + 5 * S);
        assertThat(off - clean).as("held while the loss stays away").isGreaterThanOrEqualTo(FrameEndCopies.HOLD_NANOS - 2 * FrameEndCopies.WINDOW_NANOS);
    }

    @Test
    void randomLossThatTheCopiesRepairKeepsThemOn() {
        long at = 0;
        for (int i = 0; i < 25; i++) copies.onLoss(i % 3 == 0 ? 0.20 : 0.04, at += TICK); // ~9 %, noisy
        assertThat(copies.on(at)).isTrue();
        for (int i = 0; i < 300; i++) { // 30 s of ~5 %, as noisy
            copies.onLoss(i % 3 == 0 ? 0.11 : 0.02, at += TICK);
            assertThat(copies.on(at)).isTrue();
        }
    }

    @Test
    void lossThatGrowsWithTheCopiesStopsThemAndTheyAreTriedAgainAfterABackOffThatDoubles() {
        long on = reportUntil(true, 0.05, 7 * S, 3 * S); // a full link: 5 % ...
        long off = reportUntil(false, 0.35, on, 10 * S); // ... 35 % with the copies: more than doubled
        assertThat(off - on).as("judged after the settling and one window").isGreaterThanOrEqualTo(FrameEndCopies.SETTLE_NANOS + FrameEndCopies.WINDOW_NANOS);

        long retry = reportUntil(true, 0.05, off, FrameEndCopies.FIRST_BACK_OFF_NANOS + 5 * S);
        assertThat(retry - off).as("backed off").isGreaterThanOrEqualTo(FrameEndCopies.FIRST_BACK_OFF_NANOS);
        off = reportUntil(false, 0.35, retry, 10 * S);
        retry = reportUntil(true, 0.05, off, 2 * FrameEndCopies.FIRST_BACK_OFF_NANOS + 5 * S);
        assertThat(retry - off).as("the back-off doubled").isGreaterThanOrEqualTo(2 * FrameEndCopies.FIRST_BACK_OFF_NANOS);
    }

    @Test
    void behindASharedLinkATrialIsHeldAgainstTheLossBeforeTheNeighboursCopiesRaisedIt() {
        long t = report(0.015, 0, 10 * S); // 1.5 % on a full shared link: too little for copies ...
        t = report(0.30, t, 3 * S); // ... 30 % once another subscriber's copies go on: this one starts its trial
        assertThat(copies.on(t)).isTrue();
        long off = reportUntil(false, 0.35, t, 10 * S); // its own add a little: held against 1.5 %, not 30 %
        assertThat(off - t).isLessThan(FrameEndCopies.SETTLE_NANOS + 2 * FrameEndCopies.WINDOW_NANOS + S);
    }

    @Test
    void overuseTheBrowserReportsStopsTheCopiesAndHoldsThemOffForTheBackOff() {
        long on = reportUntil(true, 0.08, 0, 3 * S);
        long t = report(0.08, on, 2 * S);
        copies.onOveruse(t);
        assertThat(copies.on(t)).isFalse();
        long retry = reportUntil(true, 0.08, t, FrameEndCopies.FIRST_BACK_OFF_NANOS + 5 * S);
        assertThat(retry - t).isGreaterThanOrEqualTo(FrameEndCopies.FIRST_BACK_OFF_NANOS);

        copies.onOveruse(retry + S); // again in the next trial: the back-off doubled
        long again = reportUntil(true, 0.08, retry + S, 2 * FrameEndCopies.FIRST_BACK_OFF_NANOS + 5 * S);
        assertThat(again - (retry + S)).isGreaterThanOrEqualTo(2 * FrameEndCopies.FIRST_BACK_OFF_NANOS);
    }

    @Test
    void overuseOnALinkWithoutLossIsNoReasonToHoldCopiesOffLater() {
        long t = report(0, 0, 5 * S);
        copies.onOveruse(t); // Chrome's REMB dips on busy receivers
        long on = reportUntil(true, 0.08, t, 3 * S);
        assertThat(on - t).isLessThan(FrameEndCopies.FIRST_BACK_OFF_NANOS);
    }

    @Test
    void aSubscriberThatStopsReportingGetsNoCopiesAfterTheHold() {
        long on = reportUntil(true, 0.08, -5 * S, 3 * S); // System.nanoTime() may be negative
        assertThat(copies.on(on + FrameEndCopies.HOLD_NANOS - 1)).isTrue();
        assertThat(copies.on(on + FrameEndCopies.HOLD_NANOS)).isFalse();
    }
}
