package org.queqiao.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * One Prometheus histogram read from a server's /metrics, so a bench can take what happened between two
 * reads ({@link #since}) and its quantiles — as bucket bounds ("at most X"), the resolution the server keeps.
 */
record PromHistogram(TreeMap<Double, Long> cumulative) {
    static PromHistogram parse(String scrape, String name) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        String prefix = name + "_bucket{";
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(prefix)) continue;
            int le = line.indexOf("le=\"");
            String bound = line.substring(le + 4, line.indexOf('"', le + 4));
            double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            buckets.merge(upper, count, Long::sum);
        }
        return new PromHistogram(buckets);
    }

    PromHistogram since(PromHistogram earlier) {
        TreeMap<Double, Long> out = new TreeMap<>();
        for (Map.Entry<Double, Long> e : cumulative.entrySet()) out.put(e.getKey(), e.getValue() - earlier.cumulative.getOrDefault(e.getKey(), 0L));
        return new PromHistogram(out);
    }

    long count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** The smallest bucket bound (in the histogram's unit) at or under which a fraction {@code q} of the samples lie. */
    double atMost(double q) {
        long need = (long) Math.ceil(q * count());
        for (Map.Entry<Double, Long> e : cumulative.entrySet()) if (e.getValue() >= need) return e.getKey();
        return Double.NaN;
    }

    String summaryMillis() {
        return String.format("n=%d p50<=%.1f ms p90<=%.1f ms p99<=%.1f ms max<=%.1f ms", count(), atMost(0.5) * 1e3, atMost(0.9) * 1e3,
                atMost(0.99) * 1e3, atMost(1.0) * 1e3);
    }
}
