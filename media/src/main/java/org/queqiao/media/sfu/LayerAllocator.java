package org.queqiao.media.sfu;

/**
 * Fits the simulcast layers one subscriber gets into its downlink (ADR 0009 §15). Every camera starts at
 * its lowest sending layer, so a picture never stops for want of bandwidth; then the tallest tiles move up
 * first (the speaker before the thumbnails), a layer at a time and in turns among tiles of one size (a
 * gallery shares alike), while the total still fits, never past the layer a tile needs ({@link LayerChoice}). Moving above the layer it has now needs
 * {@link #UPGRADE_HEADROOM} to spare, so that an estimate wavering around one layer's rate does not flip it
 * back and forth, each flip costing a keyframe.
 *
 * <p>Plain arithmetic over measured rates, for the timer thread: a layer's rate is what arrives of it from
 * its publisher, negative for a layer that is not being sent.
 */
final class LayerAllocator {
    /** An upgrade must leave this share of the budget unused (15 %). */
    static final double UPGRADE_HEADROOM = 0.85;

    private LayerAllocator() {}

    /**
     * @param budget   the downlink estimate, bit/s
     * @param fixed    what the subscriber gets besides these cameras (audio, screen share), bit/s
     * @param rates    per camera, per layer (lowest first): bit/s arriving, negative when not sent
     * @param ideal    per camera: the layer its tile needs
     * @param current  per camera: the layer it is getting (or moving to) now
     * @param priority per camera: larger goes first (the height it is shown at)
     * @return per camera, the layer to get; a camera with no layer sending keeps {@code ideal}
     */
    static int[] allocate(long budget, long fixed, long[][] rates, int[] ideal, int[] current, int[] priority) {
        int n = rates.length;
        int[] chosen = new int[n];
        long spent = fixed;
        for (int i = 0; i < n; i++) {
            int lowest = nextSending(rates[i], -1, ideal[i]);
            chosen[i] = lowest < 0 ? ideal[i] : lowest;
            if (lowest >= 0) spent += rates[i][lowest];
        }
        Integer[] order = byPriority(priority);
        for (int from = 0; from < n; ) { // a group of equal tiles at a time, in turns within the group
            int to = from;
            while (to < n && priority[order[to]] == priority[order[from]]) to++;
            for (boolean moved = true; moved; ) {
                moved = false;
                for (int g = from; g < to; g++) {
                    int i = order[g];
                    int next = nextSending(rates[i], chosen[i], ideal[i]);
                    if (next < 0) continue;
                    long after = spent - rates[i][chosen[i]] + rates[i][next];
                    if (after > (next > current[i] ? budget * UPGRADE_HEADROOM : budget)) continue;
                    spent = after;
                    chosen[i] = next;
                    moved = true;
                }
            }
            from = to;
        }
        return chosen;
    }

    /** What a camera with these layers could use at most: its needed layer, or the closest sending one below it. */
    static long wanted(long[] rates, int ideal) {
        for (int k = Math.min(ideal, rates.length - 1); k >= 0; k--) if (rates[k] >= 0) return rates[k];
        return 0;
    }

    /** The next sending layer above {@code from}, up to {@code limit}, or -1. */
    private static int nextSending(long[] rates, int from, int limit) {
        for (int k = from + 1; k <= limit && k < rates.length; k++) if (rates[k] >= 0) return k;
        return -1;
    }

    private static Integer[] byPriority(int[] priority) {
        Integer[] order = new Integer[priority.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(priority[b], priority[a])); // stable: ties keep their order
        return order;
    }
}
