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
        Db plain = database.db();
        DeskPlanRows rows = plain.with(h -> new DeskPlanRows(h, "Plans", 1));
        UUID org = rows.org;
        plain.use(h -> {
            rows.visitorsWithLogs(h, ENDED + OPEN);
            h.execute("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, closed_at) "
                    + "select id, ?, ?, visitor, ?, 'closed', now() - interval '1 day', now() - interval '1 day' from plan_conv where i <= ?", org, rows.channel, rows.group(), ENDED);
            h.execute("analyze desk_conversations");
            // after the statistics: the day's conversations open, queued and assigned
            h.execute("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, queued_at, agent_id, assigned_at) "
                    + "select id, ?, ?, visitor, ?, case when i % 2 = 0 then 'queued' else 'assigned' end, now(), now(), "
                    + "case when i % 2 = 1 then gen_random_uuid() end, case when i % 2 = 1 then now() end from plan_conv where i > ?", org, rows.channel, rows.group(), ENDED);
            DeskPlanRows.dropVisitors(h);
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
        conversations.moveToGroup(conversation, rows.group(), now);
        conversations.reassign(conversation, agent, Ids.newId(), now);
        conversations.visitorSpoke(conversation, now);
        conversations.agentSpoke(conversation, now);
        conversations.miss(conversation, now);
        routing.handTo(conversation, agent, now, null);
        routing.handTo(conversation, agent, now, now.plusSeconds(30));
        routing.handAll(List.of(new RoutingStore.Hand(conversation, agent)), now, null);
        routing.handAll(List.of(new RoutingStore.Hand(conversation, agent)), now, now.plusSeconds(30));
        conversations.close(conversation, agent, List.of("done"), now);

        // who to tell of a log entry: by the ids' primary key, and only the organisation's own (its org test is written
        // so that no index answers it; see VISITORS_OF)
        assertThat(new PgDeskConversationStore(plain).visitorsOf(org, List.of(conversation))).containsOnlyKeys(conversation);
        assertThat(new PgDeskConversationStore(plain).visitorsOf(Ids.newId(), List.of(conversation))).isEmpty();

        assertThat(plans).hasSize(13);
        assertThat(plans).allSatisfy((sql, plan) -> assertThat(plan).as(sql)
                .contains("desk_conversations_pkey")
                .doesNotContain("desk_conversations_one_open", "desk_conversations_queue", "desk_conversations_agent",
                        "desk_conversations_offered", "desk_conversations_bot"));
        rows.endAll(plain);
    }
}
