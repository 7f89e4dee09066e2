package org.queqiao.storage.pg;

import org.jdbi.v3.core.Handle;
import org.queqiao.platform.id.Ids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the desk's plan tests build on: an organisation with skill groups and a web channel (into the first
 * group), agents' seats, and a temp table {@code plan_conv(id, visitor, i)} of visitors, each with its chat log,
 * for the test to give {@code desk_conversations} rows in the states its statistics need.
 */
final class DeskPlanRows {
    final UUID org = Ids.newId();
    final UUID channel = Ids.newId();
    final List<UUID> groups = new ArrayList<>();

    DeskPlanRows(Handle h, String name, int groupCount) {
        h.execute("insert into organizations (id, name, plan_id) values (?, ?, 'enterprise')", org, name);
        for (int i = 0; i < groupCount; i++) {
            UUID group = Ids.newId();
            h.execute("insert into desk_groups (id, org_id, name, routing, max_wait_s, created_at) values (?, ?, ?, 'least_busy', 600, now())",
                    group, org, "G" + i);
            groups.add(group);
        }
        h.execute("insert into desk_channels (id, org_id, kind, name, widget_key, group_id, created_at) values (?, ?, 'web', 'Site', ?, ?, now())",
                channel, org, "qw_plans_" + channel, group());
    }

    UUID group() {
        return groups.getFirst();
    }

    /** Creates {@code plan_conv} with {@code count} visitors of the channel and their chat logs; drop it with {@link #dropVisitors}. */
    void visitorsWithLogs(Handle h, int count) {
        h.execute("create temp table plan_conv as select gen_random_uuid() as id, gen_random_uuid() as visitor, i from generate_series(1, ?) i", count);
        h.execute("insert into desk_visitors (id, org_id, channel_id, created_at, last_seen_at) select visitor, ?, ?, now(), now() from plan_conv", org, channel);
        h.execute("insert into conversations (id, org_id, kind, title, last_seq, member_count, last_entry_at, created_at) "
                + "select id, ?, 'desk', 'Visitor', 0, 0, now(), now() from plan_conv", org);
    }

    /** {@code count} members of the organisation, each with an agent seat in {@code status} and no group yet; their ids in order. */
    List<UUID> seats(Handle h, int count, int maxConcurrent, String status) {
        h.execute("create temp table plan_agent as select gen_random_uuid() as id, i from generate_series(0, ?) i", count - 1);
        h.execute("insert into members (id, org_id, email, name, sort_name, role, status) "
                + "select id, ?, 'agent' || i || '@' || ? || '.test', 'Agent ' || i, 'agent ' || i, 'member', 'active' from plan_agent", org, org);
        h.execute("insert into desk_agents (org_id, member_id, max_concurrent, status, status_at, created_at) "
                + "select ?, id, ?, ?, now(), now() from plan_agent", org, maxConcurrent, status);
        List<UUID> ids = h.createQuery("select id from plan_agent order by i").mapTo(UUID.class).list();
        h.execute("drop table plan_agent");
        return ids;
    }

    static void dropVisitors(Handle h) {
        h.execute("drop table plan_conv");
    }

    /** Ends every conversation of the organisation still open: the next test's statistics start from ended ones again. */
    void endAll(Db db) {
        db.use(h -> h.execute("update desk_conversations set state = 'closed', closed_at = now() where org_id = ? and state <> 'closed'", org));
    }
}
