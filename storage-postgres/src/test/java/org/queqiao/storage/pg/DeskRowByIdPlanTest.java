package org.queqiao.storage.pg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.queqiao.desk.ConversationState;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.platform.id.Ids;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement that changes one desk conversation by its id reads the row through the primary key, even
 * when the statistics were taken while no conversation was open (at night; or a year's ended conversations
 * outnumbering the open ones): then the partial indexes over open states look as cheap as the primary key,
 * and a guard such as {@code state = 'queued'} let the planner read a whole partial index instead
 * (DeskStateGuard). Each statement's plan is read with EXPLAIN, with the parameters the store bound.
 */
class DeskRowByIdPlanTest {
    private static final int ENDED = 20_000;
    private static final int OPEN = 300;

    @ParameterizedTest
    @MethodSource("org.queqiao.storage.pg.PlanRecorder#databases")
    void stateChangesOfOneConversationUseThePrimaryKeyWhateverTheStatisticsSay(String which) {
        Database database = PlanRecorder.database(which);
        UUID org = Ids.newId();
        UUID group = Ids.newId();
        Db plain = database.db();
        plain.use(h -> {
            h.execute("insert into organizations (id, name, plan_id) values (?, 'Plans', 'enterprise')", org);
            h.execute("insert into desk_groups (id, org_id, name, routing, max_wait_s, created_at) values (?, ?, 'G', 'least_busy', 600, now())", group, org);
            UUID channel = Ids.newId();
            h.execute("insert into desk_channels (id, org_id, kind, name, widget_key, group_id, created_at) values (?, ?, 'web', 'Site', ?, ?, now())",
                    channel, org, "qw_plans_" + channel, group);
            h.execute("create temp table plan_conv as select gen_random_uuid() as id, gen_random_uuid() as visitor, i from generate_series(1, ?) i", ENDED + OPEN);
            h.execute("insert into desk_visitors (id, org_id, channel_id, created_at, last_seen_at) select visitor, ?, ?, now(), now() from plan_conv", org, channel);
            h.execute("insert into conversations (id, org_id, kind, title, last_seq, member_count, last_entry_at, created_at) select id, ?, 'desk', 'Visitor', 0, 0, now(), now() from plan_conv", org);
            h.execute("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, closed_at) "
                    + "select id, ?, ?, visitor, ?, 'closed', now() - interval '1 day', now() - interval '1 day' from plan_conv where i <= ?", org, channel, group, ENDED);
            h.execute("analyze desk_conversations");
            // after the statistics: the day's conversations open, queued and assigned
            h.execute("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, queued_at, agent_id, assigned_at) "
                    + "select id, ?, ?, visitor, ?, case when i % 2 = 0 then 'queued' else 'assigned' end, now(), now(), "
                    + "case when i % 2 = 1 then gen_random_uuid() end, case when i % 2 = 1 then now() end from plan_conv where i > ?", org, channel, group, ENDED);
            h.execute("drop table plan_conv");
        });
        UUID conversation = plain.with(h -> h.createQuery("select id from desk_conversations where org_id = :o and state = 'assigned' limit 1")
                .bind("o", org).mapTo(UUID.class).one());
        UUID agent = Ids.newId();
        Instant now = Instant.now();

        PlanRecorder recorder = new PlanRecorder(database, "update desk_conversations");
        Db explaining = recorder.db;
        Map<String, String> plans = recorder.plans;
        PgDeskConversationStore conversations = new PgDeskConversationStore(explaining);
        PgRoutingStore routing = new PgRoutingStore(explaining);
        conversations.enqueue(conversation, "requested", 0, now);
        conversations.accept(conversation, agent, now);
        conversations.requeue(conversation, agent, ConversationState.OFFERED);
        conversations.moveToGroup(conversation, group, now);
        conversations.reassign(conversation, agent, Ids.newId(), now);
        conversations.visitorSpoke(conversation, now);
        conversations.agentSpoke(conversation, now);
        conversations.miss(conversation, now);
        routing.handTo(conversation, agent, now, null);
        routing.handTo(conversation, agent, now, now.plusSeconds(30));
        routing.handAll(List.of(new RoutingStore.Hand(conversation, agent)), now, null);
        routing.handAll(List.of(new RoutingStore.Hand(conversation, agent)), now, now.plusSeconds(30));
        conversations.close(conversation, agent, List.of("done"), now);

        assertThat(plans).hasSize(13);
        assertThat(plans).allSatisfy((sql, plan) -> assertThat(plan).as(sql)
                .contains("desk_conversations_pkey")
                .doesNotContain("desk_conversations_one_open", "desk_conversations_queue", "desk_conversations_agent",
                        "desk_conversations_offered", "desk_conversations_bot"));
        // leave no open conversations behind: the next run's statistics start from ended ones again
        plain.use(h -> h.execute("update desk_conversations set state = 'closed', closed_at = now() where org_id = ? and state <> 'closed'", org));
    }
}
