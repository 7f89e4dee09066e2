package org.queqiao.media.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntHashMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemovesWithCollidingKeys() {
        LongIntHashMap map = new LongIntHashMap(64);
        Map<Long, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextInt(100) * 0x1_0000_0000L; // few distinct keys, clustered probes
            if (random.nextBoolean()) {
                int value = random.nextInt();
                boolean fits = reference.size() < 64 || reference.containsKey(key);
                assertThat(map.put(key, value)).isEqualTo(fits);
                if (fits) {
                    reference.put(key, value);
                }
            } else {
                assertThat(map.remove(key)).isEqualTo(reference.remove(key) != null);
            }
            long probe = random.nextInt(100) * 0x1_0000_0000L;
            assertThat(map.get(probe, -7)).isEqualTo(reference.getOrDefault(probe, -7));
            assertThat(map.indexOf(probe) >= 0).isEqualTo(reference.containsKey(probe));
            assertThat(map.size()).isEqualTo(reference.size());
        }
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(0, -1)).isEqualTo(-1);
    }
}
