package org.queqiao.storage.pg;

import org.junit.jupiter.api.Test;
import org.queqiao.desk.routing.Candidate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router finds candidates by the groups kept on each seat (V11), a copy of desk_group_agents: an agent moved
 * to another group, or out of every group, must stop being a candidate of the old one at once, or a queue would
 * be served by someone no longer in it.
 */
class DeskSeatGroupsTest {
    @Test
    void candidatesFollowTheAgentsGroupsAsTheyChange() {
        Db db = TestDatabases.embedded().db();
        DeskPlanRows rows = db.with(h -> new DeskPlanRows(h, "Seat groups", 3));
        UUID org = rows.org;
        UUID agent = db.with(h -> rows.seats(h, 1, 3, "online")).getFirst();
        PgDeskSetupStore setup = new PgDeskSetupStore(db);
        PgRoutingStore routing = new PgRoutingStore(db);
        UUID a = rows.groups.get(0), b = rows.groups.get(1), c = rows.groups.get(2);

        assertThat(routing.agentsWithRoom(org, rows.groups)).as("in no group yet").isEmpty();

        setup.setAgentGroups(org, agent, List.of(a, b));
        assertThat(routing.agentsWithRoom(org, List.of(a))).extracting(Candidate::agentId).containsExactly(agent);
        assertThat(routing.agentsWithRoom(org, List.of(c))).isEmpty();
        Candidate both = routing.agentsWithRoom(org, List.of(b, c)).getFirst();
        assertThat(both.inGroup(a) && both.inGroup(b) && !both.inGroup(c)).isTrue();
        assertThat(setup.groupsOf(org, agent)).containsExactlyInAnyOrder(a, b);

        setup.setAgentGroups(org, agent, List.of(c));
        assertThat(routing.agentsWithRoom(org, List.of(a, b))).as("moved out of a and b").isEmpty();
        assertThat(routing.agentsWithRoom(org, List.of(c))).extracting(Candidate::agentId).containsExactly(agent);

        setup.setAgentGroups(org, agent, List.of());
        assertThat(routing.agentsWithRoom(org, rows.groups)).as("out of every group").isEmpty();
    }
}
