package org.queqiao.storage.pg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.queqiao.desk.routing.Candidate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A desk whose seats' statistics were taken before the morning's logins (every seat offline, none busy): the
 * router's "seats online with room in the queued groups" must read the organisation's seats once, with their
 * groups, and nothing else, both once everyone is online with a queue in one group and later when every group
 * has a queue and every seat but one is full. Before, it joined the seats to desk_group_agents: from the seats'
 * side the first case probed every online seat's groups, from the groups' side the second probed every member's
 * seat (2.4-3 ms a routing pass for 1,000 seats instead of 0.3-0.4 ms), and the statistics chose the side.
 */
class DeskPlansBeforeTheLoginsTest {
    private static final int GROUPS = 10;
    private static final int AGENTS_PER_GROUP = 100;

    @ParameterizedTest
    @MethodSource("org.queqiao.storage.pg.PlanRecorder#databases")
    void candidatesAreOneReadOfTheSeatsWhateverTheStatisticsSay(String which) {
        Database database = PlanRecorder.database(which);
        Db plain = database.db();
        DeskPlanRows rows = plain.with(h -> new DeskPlanRows(h, "Logins", GROUPS));
        UUID org = rows.org;
        List<UUID> agents = plain.with(h -> rows.seats(h, GROUPS * AGENTS_PER_GROUP, 11, "offline"));
        PgDeskSetupStore setup = new PgDeskSetupStore(plain);
        for (int i = 0; i < agents.size(); i++) setup.setAgentGroups(org, agents.get(i), List.of(rows.groups.get(i / AGENTS_PER_GROUP)));
        plain.use(h -> {
            h.execute("analyze desk_agents");
            h.execute("analyze desk_group_agents");
            // the logins: everyone online, most of them busy but below their cap
            h.execute("update desk_agents set status = 'online', active = 1 + (hashtext(member_id::text) & 7) where org_id = ?", org);
        });
        UUID queued = rows.groups.get(3);

        PlanRecorder plans = new PlanRecorder(database, "select member_id, active");
        List<Candidate> oneGroup = new PgRoutingStore(plans.db).agentsWithRoom(org, List.of(queued));
        assertThat(oneGroup).hasSize(AGENTS_PER_GROUP).allSatisfy(c -> assertThat(c.inGroup(queued)).isTrue());

        // later: a queue in every group, and every seat full but one
        UUID free = agents.get(7 * AGENTS_PER_GROUP + 5);
        plain.use(h -> h.execute("update desk_agents set active = case when member_id = ? then 3 else max_concurrent end where org_id = ?", free, org));
        List<Candidate> everyGroup = new PgRoutingStore(plans.db).agentsWithRoom(org, rows.groups);
        assertThat(everyGroup).extracting(Candidate::agentId).containsExactly(free);
        assertThat(everyGroup.getFirst().inGroup(rows.groups.get(7))).isTrue();

        assertThat(plans.plans).hasSize(2).allSatisfy((sql, plan) -> assertThat(plan).as(sql)
                .contains("desk_agents").doesNotContain("desk_group_agents", "Nested Loop", "Join"));
    }
}
