package org.queqiao.storage.pg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.platform.id.Ids;

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
        UUID org = Ids.newId();
        UUID waitingGroup = Ids.newId();
        UUID servedGroup = Ids.newId();
        Db plain = database.db();
        plain.use(h -> {
            h.execute("insert into organizations (id, name, plan_id) values (?, 'Morning', 'enterprise')", org);
            for (UUID g : new UUID[] {waitingGroup, servedGroup}) {
                h.execute("insert into desk_groups (id, org_id, name, routing, max_wait_s, created_at) values (?, ?, ?, 'least_busy', 600, now())", g, org, "G" + g);
            }
            UUID channel = Ids.newId();
            h.execute("insert into desk_channels (id, org_id, kind, name, widget_key, group_id, created_at) values (?, ?, 'web', 'Site', ?, ?, now())",
                    channel, org, "qw_morning_" + channel, waitingGroup);
            h.execute("create temp table plan_conv as select gen_random_uuid() as id, gen_random_uuid() as visitor, i from generate_series(1, ?) i", MORNING);
            h.execute("insert into desk_visitors (id, org_id, channel_id, created_at, last_seen_at) select visitor, ?, ?, now(), now() from plan_conv", org, channel);
            h.execute("insert into conversations (id, org_id, kind, title, last_seq, member_count, last_entry_at, created_at) select id, ?, 'desk', 'Visitor', 0, 0, now(), now() from plan_conv", org);
            h.execute("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, queued_at) "
                    + "select id, ?, ?, visitor, case when i % 2 = 0 then ?::uuid else ?::uuid end, 'queued', now(), now() + i * interval '1 ms' from plan_conv",
                    org, channel, waitingGroup, servedGroup);
            h.execute("analyze desk_conversations");
            // then the agents come: all but a few of one group's are served, and most of those served have closed
            h.execute("update desk_conversations c set state = case when p.i % 3 = 0 then 'assigned' else 'closed' end, agent_id = gen_random_uuid(), "
                    + "assigned_at = now(), closed_at = case when p.i % 3 = 0 then null else now() end "
                    + "from plan_conv p where c.id = p.id and p.i > ?", STILL_QUEUED * 2);
            h.execute("drop table plan_conv");
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
        // leave no open conversations behind for the next test's statistics
        plain.use(h -> h.execute("update desk_conversations set state = 'closed', closed_at = now() where org_id = ? and state <> 'closed'", org));
    }
}
