package org.queqiao.desk;

import org.queqiao.desk.store.DeskSetupStore;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Skill groups as the busy paths read them (every handoff, close and agent view needs its group's hours
 * and SLA): a copy is kept for at most {@link #MAX_AGE}. A change made on this node drops the copy at
 * once ({@link #forget}); another node sees it within {@code MAX_AGE}. Measured: four group reads per
 * conversation were a tenth of the database's statements under routing load.
 */
final class GroupCache {
    static final Duration MAX_AGE = Duration.ofSeconds(2);
    /** Beyond this many groups the copies are dropped and reloaded (bounded memory with many organisations). */
    static final int MAX_KEPT = 10_000;

    private final BiFunction<UUID, UUID, Optional<SkillGroup>> load;
    private final LongSupplier nanoTime;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(UUID orgId, SkillGroup group, long loadedAtNanos) {}

    GroupCache(DeskSetupStore setup) {
        this(setup::group, System::nanoTime);
    }

    GroupCache(BiFunction<UUID, UUID, Optional<SkillGroup>> load, LongSupplier nanoTime) {
        this.load = load;
        this.nanoTime = nanoTime;
    }

    /** The organisation's group (empty when there is none or it was deleted). */
    Optional<SkillGroup> group(UUID orgId, UUID groupId) {
        long now = nanoTime.getAsLong();
        Kept k = kept.get(groupId);
        if (k != null && k.orgId().equals(orgId) && now - k.loadedAtNanos() < MAX_AGE.toNanos()) return Optional.of(k.group());
        Optional<SkillGroup> g = load.apply(orgId, groupId);
        if (g.isPresent()) {
            if (kept.size() >= MAX_KEPT) kept.clear();
            kept.put(groupId, new Kept(orgId, g.get(), now));
        } else {
            kept.remove(groupId);
        }
        return g;
    }

    /** Called once a change of the group is stored, so this node reads it afresh. */
    void forget(UUID groupId) {
        kept.remove(groupId);
    }
}
