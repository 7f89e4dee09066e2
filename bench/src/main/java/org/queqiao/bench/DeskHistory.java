package org.queqiao.bench;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.UUID;

/**
 * A year of an organisation's ended desk conversations, generated in SQL: what a desk that has been in use
 * holds, for benchmarks that must not run on an empty table (reports; routing). Opened over the year before
 * 2026-12-01, 80 % handed off (3 % of all missed, the rest assigned with one assignment record each), waits
 * and replies of seconds to minutes, a third of the assigned rated. Conversations go round the groups, the
 * agents and {@code visitors} visitors of their own, made on {@code channel}.
 */
final class DeskHistory {
    private DeskHistory() {}

    static void insert(Handle h, UUID org, UUID channel, List<UUID> groups, List<UUID> agents, int visitors, int n) {
        h.createUpdate("create temp table history_visitors as select gen_random_uuid() as id, g - 1 as i from generate_series(1, :v) g")
                .bind("v", visitors).execute();
        h.createUpdate("insert into desk_visitors (id, org_id, channel_id, created_at, last_seen_at) select id, :o, :c, now(), now() from history_visitors")
                .bind("o", org).bind("c", channel).execute();
        h.execute("create temp table history_groups as select id, row_number() over () - 1 as i from unnest(cast(? as uuid[])) as id",
                (Object) groups.toArray(new UUID[0]));
        h.execute("create temp table history_agents as select id, row_number() over () - 1 as i from unnest(cast(? as uuid[])) as id",
                (Object) agents.toArray(new UUID[0]));
        h.createUpdate("create temp table history_conv as select gen_random_uuid() as id, i, "
                + "timestamptz '2025-12-01 00:00+08' + (random() * interval '365 days') as opened, random() as r, random() as r2 "
                + "from generate_series(1, :n) i").bind("n", n).execute();
        h.createUpdate("insert into conversations (id, org_id, kind, title, last_seq, member_count, last_entry_at, created_at) "
                + "select id, :o, 'desk', 'Visitor', 0, 0, opened, opened from history_conv").bind("o", org).execute();
        int groupCount = groups.size();
        int agentCount = agents.size();
        h.createUpdate("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, queued_at, handoff_reason, "
                + "agent_id, assigned_at, first_response_at, responses, response_ms_total, bot_answers, bot_fallbacks, transfers, closed_at, tags, "
                + "csat_score, sla_first_response_breached, sla_resolution_breached) "
                + "select c.id, :o, :ch, v.id, g.id, case when c.r < 0.03 then 'missed' else 'closed' end, c.opened, "
                + "case when c.r < 0.8 then c.opened + interval '40 seconds' end, case when c.r < 0.8 then 'requested' end, "
                + "case when c.r >= 0.03 and c.r < 0.8 then a.id end, "
                + "case when c.r >= 0.03 and c.r < 0.8 then c.opened + interval '40 seconds' + c.r2 * interval '90 seconds' end, "
                + "case when c.r >= 0.03 and c.r < 0.8 then c.opened + interval '50 seconds' + c.r2 * interval '120 seconds' end, "
                + "(c.r2 * 6)::int, (c.r2 * 6 * 30000)::bigint, 1 + (c.r2 * 3)::int, (c.r2 * 2)::int, (c.r2 < 0.05)::int, "
                + "c.opened + interval '3 minutes' + c.r2 * interval '20 minutes', '{}', "
                + "case when c.r >= 0.03 and c.r < 0.8 and c.r2 < 0.33 then 1 + (c.r2 * 12)::int % 5 end, "
                + "case when c.r < 0.8 then c.r2 > 0.9 end, case when c.r < 0.8 then c.r2 > 0.95 end "
                + "from history_conv c join history_groups g on g.i = c.i % :groups join history_visitors v on v.i = c.i % :visitors "
                + "join history_agents a on a.i = c.i % :agents")
                .bind("o", org).bind("ch", channel).bind("groups", groupCount).bind("visitors", visitors).bind("agents", agentCount).execute();
        h.createUpdate("insert into desk_assignments (id, conversation_id, org_id, agent_id, group_id, reason, candidates, decided_at, outcome) "
                + "select gen_random_uuid(), id, org_id, agent_id, group_id, 'least_busy', '[]', assigned_at, 'assigned' "
                + "from desk_conversations where org_id = :o and agent_id is not null and closed_at is not null").bind("o", org).execute();
        h.execute("drop table history_visitors, history_groups, history_agents, history_conv");
    }
}
