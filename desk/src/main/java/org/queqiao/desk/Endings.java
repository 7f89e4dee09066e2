package org.queqiao.desk;

import org.queqiao.desk.hours.SlaStatus;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.ReportStore;

import org.queqiao.messaging.DeskLogs;
import org.queqiao.messaging.Entry;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What is recorded when a conversation ends (closed or missed), inside that transaction: its SLA
 * breaches, judged in its group's business hours, and its share of the day's report sums.
 */
final class Endings {
    private final DeskConversationStore conversations;
    private final GroupCache groups;
    private final ReportStore reports;
    private final GroupHours hours;
    private final ZoneId reportZone;
    private final DeskLogs logs;
    private static final int PAGE = 500;

    Endings(DeskConversationStore conversations, GroupCache groups, ReportStore reports, GroupHours hours, ZoneId reportZone, DeskLogs logs) {
        this.logs = logs;
        this.conversations = conversations;
        this.groups = groups;
        this.reports = reports;
        this.hours = hours;
        this.reportZone = reportZone;
    }

    /** @return the conversation with what was recorded of it */
    DeskConversation ended(DeskConversation ended) {
        DeskConversation c = ended;
        if (c.queuedAt() != null) {
            ResponseTimes t = ResponseTimes.of(wholeLog(c.id()), c.visitorId(), c.queuedAt());
            conversations.recordResponseTimes(c.id(), t.firstResponseAt(), t.responses(), t.responseMsTotal());
            c = c.withFirstResponseAt(t.firstResponseAt());
            DeskConversation finalC = c;
            groups.group(c.orgId(), c.groupId()).ifPresent(g -> {
                SlaStatus s = hours.sla(g, finalC.queuedAt(), finalC.firstResponseAt(), finalC.closedAt(), finalC.closedAt());
                conversations.recordSla(finalC.id(), g.slaFirstResponse() == null ? null : s.firstResponseBreached(),
                        g.slaResolution() == null ? null : s.resolutionBreached());
            });
        }
        reports.ended(c.id(), reportZone);
        return c;
    }

    private List<Entry> wholeLog(UUID conversationId) {
        List<Entry> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Entry> page = logs.entriesAfter(conversationId, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) return all;
            after = page.getLast().seq();
        }
    }

    void rated(DeskConversation c) {
        reports.rated(c.id(), reportZone);
    }
}
