package org.queqiao.desk.report;

import org.queqiao.desk.store.ReportStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Desk reports for supervisors: per day, agent or group — conversations, handed off, resolved by the
 * bot, missed, average wait, first response (from the handoff), next response, handle and resolution
 * times, CSAT and SLA breaches — and every conversation as one CSV row. Days are in desk.report-zone.
 */
public final class DeskReports {
    static final int MAX_DAYS = 366;

    private final ReportStore store;
    private final ZoneId zone;
    private final java.util.function.Consumer<Principal> requireSupervisor;

    public DeskReports(ReportStore store, ZoneId zone, java.util.function.Consumer<Principal> requireSupervisor) {
        this.store = store;
        this.zone = zone;
        this.requireSupervisor = requireSupervisor;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Map<String, Object>> report(Principal p, String from, String to, String by) {
        requireSupervisor.accept(p);
        LocalDate f = day("from", from);
        LocalDate t = day("to", to);
        range(f, t);
        ReportStore.Dimension d = switch (by == null ? "day" : by) {
            case "day" -> ReportStore.Dimension.DAY;
            case "agent" -> ReportStore.Dimension.AGENT;
            case "group" -> ReportStore.Dimension.GROUP;
            default -> throw ProblemException.invalid("by", "invalid_dimension", "by must be day, agent or group");
        };
        return store.totals(p.orgId(), f, t, d).stream().map(DeskReports::row).toList();
    }

    /** Conversations opened between the two days (inclusive), one CSV row each, written as they are read. */
    public void exportCsv(Principal p, String from, String to, Writer out) {
        requireSupervisor.accept(p);
        LocalDate f = day("from", from);
        LocalDate t = day("to", to);
        range(f, t);
        ConversationCsv csv = new ConversationCsv(out);
        csv.header();
        store.conversations(p.orgId(), f.atStartOfDay(zone).toInstant(), t.plusDays(1).atStartOfDay(zone).toInstant(), csv::row);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int rebuild(Principal p) {
        requireSupervisor.accept(p);
        return store.rebuild(p.orgId(), zone);
    }

    private static Map<String, Object> row(ReportStore.Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", t.key());
        m.put("conversations", t.conversations());
        m.put("handedOff", t.handedOff());
        m.put("botResolved", t.botResolved());
        m.put("missed", t.missed());
        m.put("avgWaitSeconds", avg(t.waitMs(), t.waits()));
        m.put("avgFirstResponseSeconds", avg(t.firstResponseMs(), t.firstResponses()));
        m.put("avgNextResponseSeconds", avg(t.nextResponseMs(), t.nextResponses()));
        m.put("avgHandleSeconds", avg(t.handleMs(), t.handled()));
        m.put("avgResolutionSeconds", avg(t.resolutionMs(), t.resolved()));
        m.put("csatAverage", t.csatCount() == 0 ? null : Math.round(t.csatSum() * 100.0 / t.csatCount()) / 100.0);
        m.put("csatCount", t.csatCount());
        m.put("firstResponseBreaches", t.firstResponseBreaches());
        m.put("resolutionBreaches", t.resolutionBreaches());
        return m;
    }

    private static Double avg(long ms, long n) {
        return n == 0 ? null : Math.round(ms / (double) n / 100.0) / 10.0;
    }

    private static LocalDate day(String field, String value) {
        if (value == null) throw ProblemException.invalid(field, "required", field + " is required: a day like 2026-12-01");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "invalid_date", field + " must be a day like 2026-12-01");
        }
    }

    private static void range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw ProblemException.invalid("to", "invalid_range", "to must not be before from");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) throw ProblemException.invalid("to", "range_too_long", "A report covers at most " + MAX_DAYS + " days");
    }
}
