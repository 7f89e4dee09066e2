package org.queqiao.desk.routing;

import org.junit.jupiter.api.Test;
import org.queqiao.desk.RoutingMode;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPolicyTest {
    private static final UUID GROUP = UUID.randomUUID();
    private static final Instant T = Instant.parse("2026-12-03T08:00:00Z");

    private static Candidate agent(String id, int active, int max, Instant last) {
        return new Candidate(UUID.fromString("00000000-0000-0000-0000-00000000000" + id), active, max, last, Set.of(GROUP));
    }

    private static String choose(RoutingMode mode, List<Candidate> agents, Set<UUID> excluded, UUID sticky, UUID rrLast) {
        return RoutingPolicy.choose(mode, GROUP, agents, excluded, sticky, rrLast)
                .map(c -> c.agent().agentId().toString().substring(35) + ":" + c.reason()).orElse("none");
    }

    @Test
    void leastBusyWinsAndTiesGoToWhoeverWaitedLongest() {
        var busy = agent("1", 2, 5, T.minusSeconds(900));
        var idleLong = agent("2", 1, 5, T.minusSeconds(600));
        var idleShort = agent("3", 1, 5, T.minusSeconds(60));
        assertThat(choose(RoutingMode.LEAST_BUSY, List.of(busy, idleShort, idleLong), Set.of(), null, null)).isEqualTo("2:least_busy");
        var never = agent("4", 1, 5, null);
        assertThat(choose(RoutingMode.LEAST_BUSY, List.of(idleLong, never), Set.of(), null, null)).as("never assigned counts as longest idle").isEqualTo("4:least_busy");
    }

    @Test
    void nobodyFullExcludedOrOutsideTheGroupIsChosen() {
        var full = agent("1", 3, 3, null);
        var declined = agent("2", 0, 3, null);
        var elsewhere = new Candidate(UUID.randomUUID(), 0, 3, null, Set.of(UUID.randomUUID()));
        assertThat(choose(RoutingMode.LEAST_BUSY, List.of(full, declined, elsewhere), Set.of(declined.agentId()), null, null)).isEqualTo("none");
        var free = agent("3", 2, 3, null);
        assertThat(choose(RoutingMode.LEAST_BUSY, List.of(full, declined, elsewhere, free), Set.of(declined.agentId()), null, null)).isEqualTo("3:least_busy");
    }

    @Test
    void aReturningVisitorsAgentIsPreferredOnlyWhenTheyHaveRoom() {
        var previous = agent("1", 2, 3, T);
        var lighter = agent("2", 0, 3, null);
        assertThat(choose(RoutingMode.LEAST_BUSY, List.of(previous, lighter), Set.of(), previous.agentId(), null)).isEqualTo("1:sticky");
        var previousFull = agent("1", 3, 3, T);
        assertThat(choose(RoutingMode.LEAST_BUSY, List.of(previousFull, lighter), Set.of(), previousFull.agentId(), null)).isEqualTo("2:least_busy");
    }

    @Test
    void roundRobinTakesTheNextAgentInIdOrderAndWraps() {
        var a = agent("1", 2, 3, null);
        var b = agent("2", 0, 3, null);
        var c = agent("3", 1, 3, null);
        List<Candidate> all = List.of(c, a, b);
        assertThat(choose(RoutingMode.ROUND_ROBIN, all, Set.of(), null, null)).isEqualTo("1:round_robin");
        assertThat(choose(RoutingMode.ROUND_ROBIN, all, Set.of(), null, a.agentId())).isEqualTo("2:round_robin");
        assertThat(choose(RoutingMode.ROUND_ROBIN, all, Set.of(), null, c.agentId())).as("wraps").isEqualTo("1:round_robin");
        assertThat(choose(RoutingMode.ROUND_ROBIN, all, Set.of(b.agentId()), null, a.agentId())).as("skips the excluded").isEqualTo("3:round_robin");
    }

    @Test
    void takingAConversationCountsForTheRestOfTheDrain() {
        var a = agent("1", 0, 1, null);
        var b = agent("2", 0, 2, null);
        var first = RoutingPolicy.choose(RoutingMode.LEAST_BUSY, GROUP, List.of(a, b), Set.of(), null, null).orElseThrow();
        first.agent().took(T);
        var second = RoutingPolicy.choose(RoutingMode.LEAST_BUSY, GROUP, List.of(a, b), Set.of(), null, null).orElseThrow();
        assertThat(second.agent()).isNotSameAs(first.agent());
        second.agent().took(T);
        var third = RoutingPolicy.choose(RoutingMode.LEAST_BUSY, GROUP, List.of(a, b), Set.of(), null, null);
        assertThat(third.map(c -> c.agent().agentId())).contains(b.agentId());
    }
}
