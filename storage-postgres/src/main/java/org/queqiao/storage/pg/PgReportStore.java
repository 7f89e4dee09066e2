package org.queqiao.storage.pg;

import org.queqiao.desk.store.ReportStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The desk's daily sums and the per-conversation export (V9 migration). */
public final class PgReportStore implements ReportStore {
    private static final String NIL = "00000000-0000-0000-0000-000000000000";
    private static final String COLUMNS = "conversations, handed_off, bot_resolved, missed, wait_ms, waits, first_response_ms, first_responses, "
            + "next_response_ms, next_responses, handle_ms, handled, resolution_ms, resolved, csat_sum, csat_count, first_response_breaches, resolution_breaches";
    /** One ended conversation's contribution to each column of COLUMNS, in order (summed by the rebuild). */
    private static final List<String> MEASURE_LIST = List.of("1", "(c.queued_at is not null)::int", "(c.queued_at is null and c.state = 'closed')::int",
            "(c.state = 'missed')::int",
            ms("c.assigned_at", "c.queued_at"), "(c.assigned_at is not null and c.queued_at is not null)::int",
            ms("c.first_response_at", "c.queued_at"), "(c.first_response_at is not null and c.queued_at is not null)::int",
            "c.response_ms_total", "c.responses",
            ms("c.closed_at", "c.assigned_at"), "(c.assigned_at is not null)::int",
            ms("c.closed_at", "c.queued_at"), "(c.queued_at is not null and c.state = 'closed')::int",
            "coalesce(c.csat_score, 0)", "(c.csat_score is not null)::int",
            "coalesce(c.sla_first_response_breached, false)::int", "coalesce(c.sla_resolution_breached, false)::int");
    private static final String MEASURES = String.join(", ", MEASURE_LIST);
    /**
     * Each conversation under its group and under its agent, in its day and in its month: {@code d.dim}
     * and {@code p.period} come from {@link #BOTH}.
     */
    private static final String KEY = "c.org_id, p.period, case p.period when 'day' then (c.closed_at at time zone :zone)::date "
            + "else date_trunc('month', c.closed_at at time zone :zone)::date end, d.dim, "
            + "case d.dim when 'group' then c.group_id else coalesce(c.agent_id, '" + NIL + "'::uuid) end";
    private static final String BOTH = " cross join (values ('group'), ('agent')) as d(dim) cross join (values ('day'), ('month')) as p(period) ";

    private final Db db;

    public PgReportStore(Db db) {
        this.db = db;
    }

    private static String ms(String to, String from) {
        return "coalesce((extract(epoch from (" + to + " - " + from + ")) * 1000)::bigint, 0)";
    }

    @Override
    public void ended(UUID conversationId, ZoneId zone) {
        StringBuilder update = new StringBuilder();
        for (String col : COLUMNS.split(", ")) {
            if (!update.isEmpty()) update.append(", ");
            update.append(col).append(" = desk_daily_stats.").append(col).append(" + excluded.").append(col);
        }
        db.use(h -> h.createUpdate("insert into desk_daily_stats (org_id, period, day, dimension, key, " + COLUMNS + ") select " + KEY + ", " + MEASURES
                        + " from desk_conversations c" + BOTH + "where c.id = :id and c." + DeskStateGuard.ENDED + " "
                        + "on conflict (org_id, dimension, period, day, key) do update set " + update)
                .bind("id", conversationId).bind("zone", zone.getId()).execute());
    }

    @Override
    public void rated(UUID conversationId, ZoneId zone) {
        db.use(h -> h.createUpdate("update desk_daily_stats s set csat_sum = s.csat_sum + c.csat_score, csat_count = s.csat_count + 1 "
                        + "from desk_conversations c where c.id = :id and c.csat_score is not null and s.org_id = c.org_id "
                        + "and ((s.period = 'day' and s.day = (c.closed_at at time zone :zone)::date) "
                        + "or (s.period = 'month' and s.day = date_trunc('month', c.closed_at at time zone :zone)::date)) "
                        + "and ((s.dimension = 'group' and s.key = c.group_id) "
                        + "or (s.dimension = 'agent' and s.key = coalesce(c.agent_id, '" + NIL + "'::uuid)))")
                .bind("id", conversationId).bind("zone", zone.getId()).execute());
    }

    @Override
    public List<Totals> totals(UUID orgId, LocalDate from, LocalDate to, Dimension by) {
        String key = by == Dimension.DAY ? "day::text" : "key::text";
        // whole months inside [from, to] come from the monthly rows; by day, every day is read from the daily ones
        LocalDate fullFrom = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
        LocalDate fullTo = to.plusDays(1).withDayOfMonth(1);
        LocalDate[] months = by == Dimension.DAY || !fullFrom.isBefore(fullTo) ? new LocalDate[] {to.plusDays(1), to.plusDays(1)}
                : new LocalDate[] {fullFrom, fullTo};
        String dimension = by == Dimension.AGENT ? "agent" : "group";
        StringBuilder sums = new StringBuilder();
        for (String col : COLUMNS.split(", ")) sums.append(", sum(").append(col).append(")::bigint as ").append(col);
        return db.with(h -> h.createQuery("select " + key + " as k" + sums + " from desk_daily_stats where org_id = :org and dimension = :dim and ("
                        + "(period = 'day' and ((day >= :from and day < :fullFrom) or (day >= :fullTo and day <= :to))) "
                        + "or (period = 'month' and day >= :fullFrom and day < :fullTo)) group by 1 order by 1")
                .bind("org", orgId).bind("dim", dimension).bind("fullFrom", months[0]).bind("fullTo", months[1]).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Totals(rs.getString("k"), rs.getLong("conversations"), rs.getLong("handed_off"), rs.getLong("bot_resolved"),
                        rs.getLong("missed"), rs.getLong("wait_ms"), rs.getLong("waits"), rs.getLong("first_response_ms"), rs.getLong("first_responses"),
                        rs.getLong("next_response_ms"), rs.getLong("next_responses"), rs.getLong("handle_ms"), rs.getLong("handled"),
                        rs.getLong("resolution_ms"), rs.getLong("resolved"), rs.getLong("csat_sum"), rs.getLong("csat_count"),
                        rs.getLong("first_response_breaches"), rs.getLong("resolution_breaches"))).list());
    }

    @Override
    public void conversations(UUID orgId, Instant from, Instant to, Consumer<ConversationRow> row) {
        // a transaction, so the driver streams with a cursor (fetch size) instead of reading every row first
        db.inTransaction(() -> {
            db.use(h -> h.createQuery("select * from desk_conversations where org_id = :org and opened_at >= :from and opened_at < :to order by opened_at, id")
                    .bind("org", orgId).bind("from", from).bind("to", to).setFetchSize(1000)
                    .map((rs, ctx) -> new ConversationRow(Rows.uuid(rs, "id"), Rows.uuid(rs, "group_id"), Rows.uuid(rs, "agent_id"), Rows.uuid(rs, "visitor_id"),
                            rs.getString("state"), Rows.instant(rs, "opened_at"), Rows.instant(rs, "queued_at"), rs.getString("handoff_reason"),
                            Rows.instant(rs, "assigned_at"), Rows.instant(rs, "first_response_at"), Rows.instant(rs, "closed_at"), rs.getInt("responses"),
                            rs.getLong("response_ms_total"), rs.getInt("bot_answers"), rs.getInt("bot_fallbacks"), rs.getInt("transfers"),
                            PgDeskConversationStore.strings(rs, "tags"), (Integer) rs.getObject("csat_score"), rs.getString("csat_comment"),
                            (Boolean) rs.getObject("sla_first_response_breached"), (Boolean) rs.getObject("sla_resolution_breached")))
                    .useStream(s -> s.forEach(row)));
            return null;
        });
    }

    @Override
    public int rebuild(UUID orgId, ZoneId zone) {
        String sums = String.join(", ", MEASURE_LIST.stream().map(m -> "sum(" + m + ")").toList());
        return db.inTransaction(() -> {
            db.use(h -> h.createUpdate("delete from desk_daily_stats where org_id = :org").bind("org", orgId).execute());
            return db.with(h -> h.createUpdate("insert into desk_daily_stats (org_id, period, day, dimension, key, " + COLUMNS + ") select " + KEY + ", " + sums
                    + " from desk_conversations c" + BOTH + "where c.org_id = :org and c.closed_at is not null group by 1, 2, 3, 4, 5")
                    .bind("org", orgId).bind("zone", zone.getId()).execute());
        });
    }
}
