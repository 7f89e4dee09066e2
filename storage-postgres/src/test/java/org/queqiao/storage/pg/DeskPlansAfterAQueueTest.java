package org.queqiao.storage.pg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.queqiao.desk.store.RoutingStore;

import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A desk whose statistics were taken while a morning's queue waited (every open conversation queued, none yet
 * closed), then served: the router's "which groups have a queue" and the close's report update must still
 * read their indexes. Before, the first scanned the whole table on every routing pass (the statistics said
 * everything was queued) and the second read the whole closed-at index on every close (they said nothing
 * was closed). Each statement's plan is read with EXPLAIN, with the parameters the store bound.
 */
class DeskPlansAfterAQueueTest {
    private static final int MORNING = 20_000;
    private static final int STILL_QUEUED = 3;

    @ParameterizedTest
    @MethodSource("org.queqiao.storage.pg.PlanRecorder#databases")
    void routingAndReportsReadTheirIndexesAfterTheQueueIsServed(String which) {
        Database database = PlanRecorder.database(which);
        Db plain = database.db();
        DeskPlanRows rows = plain.with(h -> new DeskPlanRows(h, "Morning", 2));
        UUID org = rows.org;
        UUID waitingGroup = rows.groups.get(0);
        UUID servedGroup = rows.groups.get(1);
        plain.use(h -> {
            rows.visitorsWithLogs(h, MORNING);
            h.execute("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, queued_at) "
                    + "select id, ?, ?, visitor, case when i % 2 = 0 then ?::uuid else ?::uuid end, 'queued', now(), now() + i * interval '1 ms' from plan_conv",
                    org, rows.channel, waitingGroup, servedGroup);
            h.execute("analyze desk_conversations");
            // then the agents come: all but a few of one group's are served, and most of those served have closed
            h.execute("update desk_conversations c set state = case when p.i % 3 = 0 then 'assigned' else 'closed' end, agent_id = gen_random_uuid(), "
                    + "assigned_at = now(), closed_at = case when p.i % 3 = 0 then null else now() end "
                    + "from plan_conv p where c.id = p.id and p.i > ?", STILL_QUEUED * 2);
            DeskPlanRows.dropVisitors(h);
        });
        UUID closed = plain.with(h -> h.createQuery("select id from desk_conversations where org_id = :o and state = 'closed' limit 1")
                .bind("o", org).mapTo(UUID.class).one());

        PlanRecorder routingPlans = new PlanRecorder(database, "select g.id");
        var groups = new PgRoutingStore(routingPlans.db).groupsWithQueue(org);
        assertThat(groups).extracting(RoutingStore.QueuedGroup::groupId).containsExactlyInAnyOrder(waitingGroup, servedGroup);
        assertThat(routingPlans.plans).hasSize(1).allSatisfy((sql, plan) -> assertThat(plan).as(sql)
                .contains("desk_conversations_queue").doesNotContain("Seq Scan on desk_conversations"));

        PlanRecorder reportPlans = new PlanRecorder(database, "insert into desk_daily_stats");
        new PgReportStore(reportPlans.db).ended(closed, ZoneOffset.UTC);
        assertThat(reportPlans.plans).hasSize(1).allSatisfy((sql, plan) -> assertThat(plan).as(sql)
                .contains("desk_conversations_pkey").doesNotContain("desk_conversations_closed", "Seq Scan on desk_conversations"));
        rows.endAll(plain);
    }
}
