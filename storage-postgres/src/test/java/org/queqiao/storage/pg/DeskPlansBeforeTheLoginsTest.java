package org.queqiao.storage.pg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.queqiao.desk.routing.Candidate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A desk whose agents' statistics were taken before the morning's logins (every seat offline, none busy), then
 * the agents log in: the router's "agents with room in the queued groups" must start from those groups' members
 * and probe each one's seat. Before, the planner believed no agent was online, started from the online agents
 * with room — all of the organisation's — and probed each one's groups: four times the work on every routing pass.
 */
class DeskPlansBeforeTheLoginsTest {
    private static final int GROUPS = 10;
    private static final int AGENTS_PER_GROUP = 100;

    @ParameterizedTest
    @MethodSource("org.queqiao.storage.pg.PlanRecorder#databases")
    void candidatesAreReadFromTheQueuedGroupsMembers(String which) {
        Database database = PlanRecorder.database(which);
        Db plain = database.db();
        DeskPlanRows rows = plain.with(h -> new DeskPlanRows(h, "Logins", GROUPS));
        UUID org = rows.org;
        plain.use(h -> {
            h.execute("create temp table plan_agent as select gen_random_uuid() as id, i from generate_series(0, ?) i", GROUPS * AGENTS_PER_GROUP - 1);
            h.execute("insert into members (id, org_id, email, name, sort_name, role, status) "
                    + "select id, ?, 'agent' || i || '@plans.test', 'Agent ' || i, 'agent ' || i, 'member', 'active' "
                    + "from plan_agent", org);
            h.execute("insert into desk_agents (org_id, member_id, max_concurrent, status, status_at, created_at) "
                    + "select ?, id, 11, 'offline', now(), now() from plan_agent", org);
            h.execute("insert into desk_group_agents (group_id, member_id, org_id) select (?::uuid[])[1 + i / ?], id, ? from plan_agent",
                    rows.groups.toArray(UUID[]::new), AGENTS_PER_GROUP, org);
            h.execute("analyze desk_agents");
            h.execute("analyze desk_group_agents");
            // the logins: everyone online, most of them busy but below their cap
            h.execute("update desk_agents set status = 'online', active = 1 + (hashtext(member_id::text) & 7) where org_id = ?", org);
            h.execute("drop table plan_agent");
        });
        UUID queued = rows.groups.get(3);

        PlanRecorder plans = new PlanRecorder(database, "select a.member_id");
        List<Candidate> candidates = new PgRoutingStore(plans.db).agentsWithRoom(org, List.of(queued));
        assertThat(candidates).hasSize(AGENTS_PER_GROUP).allSatisfy(c -> assertThat(c.inGroup(queued)).isTrue());
        assertThat(plans.plans).hasSize(1).allSatisfy((sql, plan) -> assertThat(plan).as(sql)
                .contains("desk_group_agents_pkey", "desk_agents_pkey").doesNotContain("Seq Scan on desk_agents", "desk_group_agents_member"));
    }
}
