package org.queqiao.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.queqiao.media.forward.PacketCache;
import org.queqiao.media.forward.ReceiveStatistics;

class LayerChoiceTest {
    private static final long NOW = 10_000_000_000L;

    private static Layer[] layers(int... heights) {
        Layer[] out = new Layer[heights.length];
        for (int i = 0; i < heights.length; i++) {
            out[i] = new Layer(null, i, "r" + i, 1000 + i, Layer.UNKNOWN, new PacketCache(4, 1500, 1000), 90000,
                    ReceiveStatistics.FractionLost.AFTER_REPAIR, 500);
            out[i].height(heights[i]);
            out[i].received(1200, false, NOW - 100_000_000L);
        }
        return out;
    }

    @Test
    void aTileGetsTheSmallestLayerThatFillsIt() {
        Layer[] l = layers(180, 360, 720);
        assertEquals(0, LayerChoice.choose(l, 180, NOW, 2));
        assertEquals(0, LayerChoice.choose(l, 200, NOW, 2), "a little upscaling is fine");
        assertEquals(1, LayerChoice.choose(l, 270, NOW, 2));
        assertEquals(2, LayerChoice.choose(l, 540, NOW, 2));
        assertEquals(2, LayerChoice.choose(l, 2160, NOW, 2), "taller than the top layer: the top layer");
    }

    @Test
    void aReceiverThatDidNotSayGetsTheLargestSending() {
        assertEquals(2, LayerChoice.choose(layers(180, 360, 720), 0, NOW, 0));
    }

    @Test
    void onlyLayersTheBrowserIsSendingCount() {
        Layer[] l = layers(180, 360, 720);
        l[2].received(1200, false, NOW - Layer.IDLE_NANOS - 1); // the browser dropped its top layer (short of uplink)
        assertEquals(1, LayerChoice.choose(l, 720, NOW, 2));
        l[0].received(1200, false, NOW - Layer.IDLE_NANOS - 1);
        assertEquals(1, LayerChoice.choose(l, 90, NOW, 2), "the low layer stopped: the next one up");
    }

    @Test
    void nothingSendingKeepsTheFallback() {
        Layer[] l = layers(180, 360, 720);
        for (Layer x : l) x.received(1200, false, NOW - Layer.IDLE_NANOS - 1);
        assertEquals(2, LayerChoice.choose(l, 180, NOW, 2));
        Layer[] fresh = {new Layer(null, 0, "q", Layer.UNKNOWN, Layer.UNKNOWN, new PacketCache(4, 1500, 1000), 90000,
                ReceiveStatistics.FractionLost.AFTER_REPAIR, 500)};
        assertEquals(0, LayerChoice.choose(fresh, 180, NOW, 0));
    }

    @Test
    void unknownHeightsAreEstimatedFromAKnownOneOrFrom720p() {
        Layer[] l = layers(0, 0, 0);
        assertEquals(180, LayerChoice.height(l, 0));
        assertEquals(360, LayerChoice.height(l, 1));
        l[1].height(540); // a 1080p camera: its middle layer said so
        assertEquals(270, LayerChoice.height(l, 0));
        assertEquals(1080, LayerChoice.height(l, 2));
        assertEquals(0, LayerChoice.choose(l, 270, NOW, 2));
    }
}
