package org.queqiao.media.sfu;

/**
 * Which simulcast layer a subscriber should get of a camera: the smallest that still fills the tile it
 * shows the camera in (ADR 0009 §14). A thumbnail in a 5 × 5 gallery needs a quarter of a 720p picture,
 * and sending it the full one would cost the receiver's downlink and decoder four to sixteen times as much
 * for nothing it can see. Only layers the publisher is sending count: a browser short of uplink drops its
 * top layers, and a subscriber waiting for a keyframe of a layer that stopped would see its picture freeze.
 */
final class LayerChoice {
    /** Height assumed for the top layer before any keyframe said (the web client publishes 720p). */
    static final int ASSUMED_TOP_HEIGHT = 720;
    /** A layer up to this much smaller than the tile is good enough (a 400-pixel tile takes the 360p layer). */
    static final double UPSCALE_ALLOWED = 1.25;

    private LayerChoice() {}

    /**
     * @param wantedHeight the height the subscriber shows the camera at, in device pixels; 0 when it did not say
     * @return the layer index, or {@code fallback} when no layer is sending
     */
    static int choose(Layer[] layers, int wantedHeight, long nowNanos, int fallback) {
        int best = -1;
        for (int i = 0; i < layers.length; i++) {
            if (!layers[i].active(nowNanos)) continue;
            best = i; // the highest active so far: what an unsaid or a large tile gets
            if (wantedHeight > 0 && height(layers, i) * UPSCALE_ALLOWED >= wantedHeight) return i;
        }
        return best >= 0 ? best : fallback;
    }

    /**
     * A layer's height: what its last keyframe said, else estimated from a layer whose height is known
     * (the client halves the resolution from one layer to the next), else from {@link #ASSUMED_TOP_HEIGHT}.
     */
    static int height(Layer[] layers, int index) {
        if (layers[index].height() > 0) return layers[index].height();
        for (int k = layers.length - 1; k >= 0; k--) {
            if (layers[k].height() > 0) return scaled(layers[k].height(), k - index);
        }
        return scaled(ASSUMED_TOP_HEIGHT, layers.length - 1 - index);
    }

    private static int scaled(int height, int halvings) {
        return halvings >= 0 ? height >> halvings : height << -halvings;
    }
}
