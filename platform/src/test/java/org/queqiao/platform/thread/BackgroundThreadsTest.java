package org.queqiao.platform.thread;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundThreadsTest {

    @Test
    void waitsForAWorkerToFinishWhatItWasDoing() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().start(() -> {
            working.countDown();
            long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < until) Thread.onSpinWait(); // like a statement: deaf to the interrupt
            finished.set(true);
        });
        working.await();

        assertThat(BackgroundThreads.interruptAndAwait(worker, Duration.ofSeconds(5))).isTrue();
        assertThat(finished).isTrue();
    }

    @Test
    void givesUpOnAWorkerThatDoesNotStopAndSaysSo() {
        CountDownLatch never = new CountDownLatch(1);
        Thread stubborn = Thread.ofPlatform().daemon().start(() -> {
            while (never.getCount() > 0) {
                try {
                    never.await();
                } catch (InterruptedException ignored) {
                    // keeps waiting
                }
            }
        });
        try {
            assertThat(BackgroundThreads.interruptAndAwait(stubborn, Duration.ofMillis(200))).isFalse();
            assertThat(stubborn.isAlive()).isTrue();
        } finally {
            never.countDown();
        }
    }

    @Test
    void nothingToStopIsStopped() {
        assertThat(BackgroundThreads.interruptAndAwait(null, Duration.ofSeconds(1))).isTrue();
    }
}
