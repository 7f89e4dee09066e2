package org.queqiao.bench;

import java.util.Arrays;

/** Latency percentiles from a list of samples in nanoseconds. */
final class Stats {
    private final long[] sorted;

    Stats(long[] samplesNanos) {
        this.sorted = samplesNanos.clone();
        Arrays.sort(sorted);
    }

    double percentileMs(double p) {
        if (sorted.length == 0) return Double.NaN;
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    String summary() {
        return String.format("n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", sorted.length, percentileMs(50), percentileMs(90),
                percentileMs(99), percentileMs(100));
    }
}
