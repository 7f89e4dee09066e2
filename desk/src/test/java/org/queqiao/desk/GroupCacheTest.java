package org.queqiao.desk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCacheTest {
    private final UUID org = UUID.randomUUID();
    private final UUID groupId = UUID.randomUUID();
    private final Map<UUID, SkillGroup> stored = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final GroupCache cache = new GroupCache((o, g) -> {
        reads.incrementAndGet();
        return Optional.ofNullable(stored.get(g)).filter(x -> x.orgId().equals(o));
    }, now::get);

    private SkillGroup group(String name) {
        return new SkillGroup(groupId, org, name, RoutingMode.LEAST_BUSY, Map.of(), null, null, Duration.ofMinutes(10), Instant.EPOCH);
    }

    @Test
    void busyPathsReadAGroupOnceWithinItsMaximumAge() {
        stored.put(groupId, group("Sales"));
        for (int i = 0; i < 100; i++) assertThat(cache.group(org, groupId).orElseThrow().name()).isEqualTo("Sales");
        assertThat(reads).hasValue(1);
        stored.put(groupId, group("Sales (new)"));
        now.addAndGet(GroupCache.MAX_AGE.toNanos() + 1);
        assertThat(cache.group(org, groupId).orElseThrow().name()).as("another node's change is seen within MAX_AGE").isEqualTo("Sales (new)");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnce() {
        stored.put(groupId, group("Sales"));
        cache.group(org, groupId);
        stored.put(groupId, group("Support"));
        cache.forget(groupId);
        assertThat(cache.group(org, groupId).orElseThrow().name()).isEqualTo("Support");
    }

    @Test
    void anotherOrganisationNeverGetsTheCopy() {
        stored.put(groupId, group("Sales"));
        assertThat(cache.group(org, groupId)).isPresent();
        assertThat(cache.group(UUID.randomUUID(), groupId)).isEmpty();
    }

    @Test
    void aDeletedGroupIsNotKept() {
        assertThat(cache.group(org, groupId)).isEmpty();
        stored.put(groupId, group("Sales"));
        assertThat(cache.group(org, groupId)).as("absence is not cached").isPresent();
    }
}
