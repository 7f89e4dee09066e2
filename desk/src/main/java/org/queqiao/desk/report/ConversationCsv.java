package org.queqiao.desk.report;

import org.queqiao.desk.store.ReportStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;

/**
 * One CSV row per conversation (RFC 4180): ids, times, the derived durations in seconds, CSAT, tags, SLA
 * breaches. Text cells starting with = + - @ are neutralised so a spreadsheet never runs them.
 */
final class ConversationCsv {
    static final String HEADER = "conversation_id,group_id,agent_id,visitor_id,state,opened_at,handed_off_at,handoff_reason,assigned_at,"
            + "first_response_at,closed_at,wait_s,first_response_s,avg_next_response_s,handle_s,resolution_s,bot_answers,bot_fallbacks,transfers,"
            + "tags,csat,csat_comment,first_response_breached,resolution_breached\n";
    private final Writer out;

    ConversationCsv(Writer out) {
        this.out = out;
    }

    void header() {
        write(HEADER);
    }

    void row(ReportStore.ConversationRow r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(r.id()).append(',').append(r.groupId()).append(',').append(nz(r.agentId())).append(',').append(r.visitorId()).append(',')
                .append(r.state()).append(',').append(nz(r.openedAt())).append(',').append(nz(r.queuedAt())).append(',').append(cell(r.handoffReason()))
                .append(',').append(nz(r.assignedAt())).append(',').append(nz(r.firstResponseAt())).append(',').append(nz(r.closedAt())).append(',')
                .append(seconds(r.queuedAt(), r.assignedAt())).append(',').append(seconds(r.queuedAt(), r.firstResponseAt())).append(',')
                .append(r.responses() == 0 ? "" : String.valueOf(Math.round(r.responseMsTotal() / (double) r.responses() / 1000.0))).append(',')
                .append(seconds(r.assignedAt(), r.closedAt())).append(',').append(seconds(r.queuedAt(), r.closedAt())).append(',')
                .append(r.botAnswers()).append(',').append(r.botFallbacks()).append(',').append(r.transfers()).append(',')
                .append(cell(String.join(";", r.tags()))).append(',').append(nz(r.csatScore())).append(',').append(cell(r.csatComment())).append(',')
                .append(nz(r.firstResponseBreached())).append(',').append(nz(r.resolutionBreached())).append('\n');
        write(sb.toString());
    }

    private static String seconds(Instant from, Instant to) {
        return from == null || to == null ? "" : String.valueOf(Duration.between(from, to).toSeconds());
    }

    private static String nz(Object v) {
        return v == null ? "" : v.toString();
    }

    static String cell(String v) {
        if (v == null || v.isEmpty()) return "";
        String s = "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
