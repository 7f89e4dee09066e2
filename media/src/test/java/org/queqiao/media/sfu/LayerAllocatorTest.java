package org.queqiao.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LayerAllocatorTest {
    /** The web client's layers: 180p, 360p, 720p. */
    private static final long[] CAMERA = {150_000, 500_000, 1_500_000};
    private static final long AUDIO = 40_000;

    private static long[][] cameras(int n) {
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) out[i] = CAMERA.clone();
        return out;
    }

    @Test
    void aWideDownlinkGetsWhatEveryTileNeeds() {
        int[] chosen = LayerAllocator.allocate(10_000_000, AUDIO, cameras(3), new int[] {2, 1, 0}, new int[] {2, 1, 0}, new int[] {720, 360, 180});
        assertArrayEquals(new int[] {2, 1, 0}, chosen);
    }

    @Test
    void aNarrowOneGivesEveryCameraItsLowestLayerFirst() {
        int[] chosen = LayerAllocator.allocate(400_000, AUDIO, cameras(2), new int[] {2, 2}, new int[] {2, 2}, new int[] {720, 720});
        assertArrayEquals(new int[] {0, 0}, chosen, "over budget even so: no picture stops");
        chosen = LayerAllocator.allocate(100_000, AUDIO, cameras(2), new int[] {2, 2}, new int[] {2, 2}, new int[] {720, 720});
        assertArrayEquals(new int[] {0, 0}, chosen);
    }

    @Test
    void theTallestTileMovesUpFirst() {
        // the speaker at 720p and two thumbnails that would take 360p: 1.5M + 2 x 150k + audio fits 2.2 Mbit/s with room
        int[] chosen = LayerAllocator.allocate(2_200_000, AUDIO, cameras(3), new int[] {1, 2, 1}, new int[] {0, 0, 0}, new int[] {360, 720, 360});
        assertArrayEquals(new int[] {0, 2, 0}, chosen, "not three middle layers");
        chosen = LayerAllocator.allocate(2_000_000, AUDIO, cameras(3), new int[] {1, 2, 1}, new int[] {0, 2, 0}, new int[] {360, 720, 360});
        assertArrayEquals(new int[] {0, 2, 0}, chosen, "the speaker keeps the top layer it has with less room");
        // with room for one thumbnail's middle layer as well: the first in order of equal tiles
        chosen = LayerAllocator.allocate(2_800_000, AUDIO, cameras(3), new int[] {1, 2, 1}, new int[] {0, 2, 0}, new int[] {360, 720, 360});
        assertArrayEquals(new int[] {1, 2, 0}, chosen);
    }

    @Test
    void movingUpNeedsHeadroomStayingDoesNot() {
        long justEnough = AUDIO + 500_000 + 10_000;
        int[] staying = LayerAllocator.allocate(justEnough, AUDIO, cameras(1), new int[] {2}, new int[] {1}, new int[] {720});
        assertEquals(1, staying[0]);
        int[] movingUp = LayerAllocator.allocate(justEnough, AUDIO, cameras(1), new int[] {2}, new int[] {0}, new int[] {720});
        assertEquals(0, movingUp[0], "540k fits, but not with 15 % to spare: the 360p layer waits for a little more");
        movingUp = LayerAllocator.allocate((long) (justEnough / LayerAllocator.UPGRADE_HEADROOM) + 1, AUDIO, cameras(1), new int[] {2}, new int[] {0}, new int[] {720});
        assertEquals(1, movingUp[0]);
    }

    @Test
    void layersNotBeingSentAreSkipped() {
        long[][] rates = {{150_000, -1, 1_500_000}}; // the browser paused its middle layer
        assertEquals(2, LayerAllocator.allocate(3_000_000, 0, rates, new int[] {2}, new int[] {2}, new int[] {720})[0]);
        assertEquals(0, LayerAllocator.allocate(1_000_000, 0, rates, new int[] {2}, new int[] {2}, new int[] {720})[0]);
        long[][] none = {{-1, -1, -1}};
        assertEquals(1, LayerAllocator.allocate(1_000_000, 0, none, new int[] {1}, new int[] {2}, new int[] {360})[0], "nothing sending: the tile's own choice stands");
        assertEquals(1_500_000, LayerAllocator.wanted(rates[0], 2));
        assertEquals(150_000, LayerAllocator.wanted(rates[0], 1), "the middle one is not sent: what is below it");
    }
}
