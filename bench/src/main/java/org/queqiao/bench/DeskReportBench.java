package org.queqiao.bench;

import org.queqiao.desk.store.ReportStore;
import org.queqiao.storage.pg.Database;
import org.queqiao.storage.pg.Db;
import org.queqiao.storage.pg.PgReportStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Desk reports on a million conversations: an embedded PostgreSQL with the real schema (Flyway), one
 * organisation's conversations generated in SQL over a year (10 groups, 1,000 agents, 80 % handed off,
 * a third rated), the daily sums rebuilt, then the report queries the API runs — by day, agent and
 * group over 30, 90 and 365 days — timed warm, p50/p95 of 20 runs each; beside them the same figures
 * aggregated straight from the conversations (what the daily sums save), the streamed CSV export, and
 * the cost a close adds (one conversation's sums).
 * Usage: DeskReportBench [conversations=1000000] [runs=20]
 */
public final class DeskReportBench {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("desk-report-bench");
        try (Database database = Database.embedded(dir, 0, 4)) {
            Db db = database.db();
            UUID org = UUID.randomUUID();
            long t0 = System.nanoTime();
            generate(db, org, n);
            System.out.printf("generated %,d conversations in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            PgReportStore store = new PgReportStore(db);
            t0 = System.nanoTime();
            int rows = store.rebuild(org, ZONE);
            System.out.printf("daily sums rebuilt: %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            db.use(h -> h.execute("vacuum analyze desk_conversations"));
            db.use(h -> h.execute("vacuum analyze desk_daily_stats"));

            LocalDate last = LocalDate.of(2026, 11, 30);
            System.out.println("report (daily sums)          |    p50 ms |    p95 ms | rows");
            for (int days : new int[] {30, 90, 365}) {
                for (ReportStore.Dimension by : ReportStore.Dimension.values()) {
                    long[] samples = new long[runs];
                    int size = 0;
                    for (int i = -3; i < runs; i++) {
                        long s = System.nanoTime();
                        size = store.totals(org, last.minusDays(days - 1), last, by).size();
                        if (i >= 0) samples[i] = System.nanoTime() - s;
                    }
                    Stats st = new Stats(samples);
                    System.out.printf("%3d days by %-6s            | %9.2f | %9.2f | %d%n", days, by.name().toLowerCase(), st.percentileMs(50), st.percentileMs(95), size);
                }
            }
            System.out.println("same by day, aggregated from the conversations themselves (no daily sums):");
            for (int days : new int[] {30, 365}) {
                long[] samples = new long[5];
                for (int i = -1; i < samples.length; i++) {
                    long s = System.nanoTime();
                    rawByDay(db, org, last.minusDays(days - 1), last);
                    if (i >= 0) samples[i] = System.nanoTime() - s;
                }
                Stats st = new Stats(samples);
                System.out.printf("%3d days raw                  | %9.2f | %9.2f |%n", days, st.percentileMs(50), st.percentileMs(95));
            }
            AtomicLong exported = new AtomicLong();
            long s = System.nanoTime();
            store.conversations(org, last.minusDays(29).atStartOfDay(ZONE).toInstant(), last.plusDays(1).atStartOfDay(ZONE).toInstant(),
                    r -> exported.incrementAndGet());
            double secs = (System.nanoTime() - s) / 1e9;
            System.out.printf("CSV export source, 30 days: %,d rows in %.2f s (%,.0f rows/s)%n", exported.get(), secs, exported.get() / secs);

            List<UUID> some = db.with(h -> h.createQuery("select id from desk_conversations where org_id = :o and closed_at is not null limit 1000")
                    .bind("o", org).mapTo(UUID.class).list());
            long[] ended = new long[some.size()];
            for (int i = 0; i < some.size(); i++) {
                UUID id = some.get(i);
                long e = System.nanoTime();
                db.inTransaction(() -> {
                    store.ended(id, ZONE);
                    return null;
                });
                ended[i] = System.nanoTime() - e;
            }
            System.out.println("adding one ended conversation to its day (per close, own transaction): " + new Stats(ended).summary());
        } finally {
            deleteTree(dir);
        }
    }

    private static void generate(Db db, UUID org, int n) {
        db.use(h -> {
            h.execute("insert into organizations (id, name, plan_id) values (?, 'Report bench', 'enterprise')", org);
            UUID channelGroup = UUID.randomUUID();
            List<UUID> groups = new ArrayList<>();
            for (int g = 0; g < 10; g++) {
                UUID id = g == 0 ? channelGroup : UUID.randomUUID();
                groups.add(id);
                h.execute("insert into desk_groups (id, org_id, name, routing, max_wait_s, created_at) values (?, ?, ?, 'least_busy', 600, now())", id, org, "Group " + g);
            }
            UUID channel = UUID.randomUUID();
            h.execute("insert into desk_channels (id, org_id, kind, name, widget_key, group_id, created_at) values (?, ?, 'web', 'Site', ?, ?, now())",
                    channel, org, "qw_bench_" + channel, channelGroup);
            List<UUID> agents = new ArrayList<>();
            for (int a = 0; a < 1000; a++) agents.add(UUID.randomUUID());
            DeskHistory.insert(h, org, channel, groups, agents, 100_000, n);
        });
    }

    private static void rawByDay(Db db, UUID org, LocalDate from, LocalDate to) {
        db.use(h -> h.createQuery("select (closed_at at time zone :z)::date as day, count(*) as n, count(queued_at) as handed_off, "
                        + "avg(extract(epoch from assigned_at - queued_at)) as wait, avg(extract(epoch from first_response_at - queued_at)) as frt, "
                        + "avg(extract(epoch from closed_at - assigned_at)) as handle, avg(csat_score) as csat, "
                        + "count(*) filter (where sla_first_response_breached) as breaches "
                        + "from desk_conversations where org_id = :o and closed_at >= :f and closed_at < :t group by 1 order by 1")
                .bind("z", ZONE.getId()).bind("o", org).bind("f", from.atStartOfDay(ZONE).toInstant()).bind("t", to.plusDays(1).atStartOfDay(ZONE).toInstant())
                .mapToMap().list());
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
