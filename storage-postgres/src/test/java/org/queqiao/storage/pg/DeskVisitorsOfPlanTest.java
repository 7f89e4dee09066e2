package org.queqiao.storage.pg;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whom to tell of a desk log entry ({@code visitorsOf}) runs for every entry, so on the generic plan pgjdbc's
 * prepared statement settles on after five calls. On a desk whose conversations were never analysed (a new
 * deployment's first morning: bench/desk-load.sh saw it), {@code org_id = :org and id = any(:ids)} got a plan
 * that read every conversation of the organisation through (org_id, closed_at) and filtered on the ids. Staged
 * in a database of its own (autovacuum off, so nothing analyses it behind the test's back) and read with
 * EXPLAIN under {@code force_generic_plan}.
 */
class DeskVisitorsOfPlanTest {
    private static final int CONVERSATIONS = 5_000;

    @Test
    void whomToTellIsReadByTheIdsWithTheGenericPlanOfANeverAnalysedDesk() {
        try (Database database = Database.external(TestDatabases.freshLocalDatabaseUrl(), "postgres", "", 2)) {
            Db db = database.db();
            db.use(h -> h.execute("alter table desk_conversations set (autovacuum_enabled = false)"));
            DeskPlanRows rows = db.with(h -> new DeskPlanRows(h, "Never analysed", 1));
            db.use(h -> {
                rows.visitorsWithLogs(h, CONVERSATIONS);
                h.execute("insert into desk_conversations (id, org_id, channel_id, visitor_id, group_id, state, opened_at, queued_at) "
                        + "select id, ?, ?, visitor, ?, 'queued', now(), now() from plan_conv", rows.org, rows.channel, rows.group());
                DeskPlanRows.dropVisitors(h);
            });
            UUID one = db.with(h -> h.createQuery("select id from desk_conversations limit 1").mapTo(UUID.class).one());
            assertThat(new PgDeskConversationStore(db).visitorsOf(rows.org, List.of(one))).containsOnlyKeys(one);

            String plan = db.with(h -> {
                h.execute("set plan_cache_mode = force_generic_plan");
                h.execute("prepare visitors_of as " + PgDeskConversationStore.VISITORS_OF.replace(":ids", "$1").replace(":org", "$2"));
                try {
                    return String.join("\n", h.createQuery("explain execute visitors_of(array['" + one + "']::uuid[], '" + rows.org + "')")
                            .mapTo(String.class).list());
                } finally {
                    h.execute("deallocate visitors_of");
                    h.execute("reset plan_cache_mode");
                }
            });
            assertThat(plan).contains("desk_conversations_pkey").doesNotContain("desk_conversations_closed", "desk_conversations_open");
        }
    }
}
