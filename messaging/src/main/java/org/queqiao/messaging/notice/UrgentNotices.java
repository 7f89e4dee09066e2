package org.queqiao.messaging.notice;

import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Urgent notices (DING / 加急): sent to people and whole departments, each recipient must confirm,
 * the banner stays in their clients until they do, and the sender sees the confirmations arrive live
 * and can notify the ones who have not confirmed again.
 */
public final class UrgentNotices {
    /** Pushed to recipients: the banner to show. */
    public static final String URGENT = "notice.urgent";
    /** Pushed to the sender (counts move) and to the confirming member's devices (banner goes). */
    public static final String CONFIRMED = "notice.confirmed";
    static final Duration RENOTIFY_INTERVAL = Duration.ofMinutes(1);

    private final NoticeStore store;
    private final Pushes pushes;
    private final AuditLog audit;
    private final Transactor tx;
    private final int maxRecipients;
    private final int maxTextChars;
    private final Clock clock;

    public UrgentNotices(NoticeStore store, Pushes pushes, AuditLog audit, Transactor tx, int maxRecipients, int maxTextChars, Clock clock) {
        this.store = store;
        this.pushes = pushes;
        this.audit = audit;
        this.tx = tx;
        this.maxRecipients = maxRecipients;
        this.maxTextChars = maxTextChars;
        this.clock = clock;
    }

    public UrgentNotice send(Principal p, String text, List<UUID> memberIds, List<UUID> departmentIds) {
        if (p.role() == Role.GUEST) throw ProblemException.forbidden("guest_forbidden", "Guests cannot send urgent notices");
        String t = noticeText(text);
        List<UUID> members = memberIds == null ? List.of() : memberIds;
        List<UUID> departments = departmentIds == null ? List.of() : departmentIds;
        if (members.isEmpty() && departments.isEmpty()) throw ProblemException.invalid("memberIds", "required", "Name people (memberIds) and/or departments (departmentIds)");
        UrgentNotice notice = tx.inTransaction(() -> {
            List<UUID> recipients = store.resolveRecipients(p.orgId(), members, departments, p.memberId(), maxRecipients);
            if (recipients.isEmpty()) throw ProblemException.invalid("memberIds", "no_recipients", "Nobody active matches: name active members or departments with members");
            if (recipients.size() > maxRecipients) {
                throw new ProblemException(400, "too_many_recipients", "An urgent notice may reach at most " + maxRecipients + " people", "memberIds",
                        Map.of("limit", maxRecipients));
            }
            Instant now = clock.instant();
            UrgentNotice n = new UrgentNotice(Ids.newId(), p.orgId(), p.memberId(), t, recipients.size(), 0, now, now);
            store.insert(n, recipients);
            audit.record(p.orgId(), p.memberId(), "notice.sent", "urgent_notice", n.id().toString(), Map.of("recipients", recipients.size()));
            tx.afterCommit(() -> pushes.pushToMembers(p.orgId(), recipients, URGENT, view(n, false)));
            return n;
        });
        return notice;
    }

    /** The sender and admins see a notice's progress; recipients see the notice itself. */
    public UrgentNotice get(Principal p, UUID id) {
        UrgentNotice n = store.find(p.orgId(), id).orElseThrow(UrgentNotices::notFound);
        if (!n.senderId().equals(p.memberId()) && !p.isAdmin() && !store.isRecipient(id, p.memberId())) throw notFound();
        return n;
    }

    public Page<UUID> recipients(Principal p, UUID id, boolean confirmed, PageRequest page) {
        UrgentNotice n = store.find(p.orgId(), id).orElseThrow(UrgentNotices::notFound);
        if (!n.senderId().equals(p.memberId()) && !p.isAdmin()) throw notFound();
        return store.recipients(id, confirmed, page);
    }

    /** A recipient confirms (again is fine: nothing changes). @return the notice with the new count */
    public UrgentNotice confirm(Principal p, UUID id) {
        UrgentNotice n = store.find(p.orgId(), id).orElseThrow(UrgentNotices::notFound);
        if (!store.isRecipient(id, p.memberId())) throw notFound();
        Instant now = clock.instant();
        store.confirm(id, p.memberId(), now).ifPresent(count -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("noticeId", id);
            data.put("memberId", p.memberId());
            data.put("confirmedCount", count);
            data.put("recipientCount", n.recipientCount());
            data.put("confirmedAt", now);
            pushes.pushToMembers(p.orgId(), List.of(n.senderId(), p.memberId()), CONFIRMED, data);
        });
        return store.find(p.orgId(), id).orElseThrow();
    }

    /** What the member still has to confirm: their banner, after a reload or on a new device. */
    public List<UrgentNotice> pending(Principal p) {
        return store.pendingFor(p.orgId(), p.memberId(), 100);
    }

    public Page<UrgentNotice> sent(Principal p, PageRequest page) {
        return store.sentBy(p.orgId(), p.memberId(), page);
    }

    /** Pushes the notice again to everyone who has not confirmed; at most once a minute. @return how many were notified */
    public int renotify(Principal p, UUID id) {
        UrgentNotice n = store.find(p.orgId(), id).orElseThrow(UrgentNotices::notFound);
        if (!n.senderId().equals(p.memberId())) throw ProblemException.forbidden("not_sender", "Only the sender may notify again");
        Instant now = clock.instant();
        if (n.lastNotifiedAt().plus(RENOTIFY_INTERVAL).isAfter(now) || !store.touchNotified(id, n.lastNotifiedAt(), now)) {
            // rounded up: a client waiting exactly this long is then allowed
            long millis = Duration.between(now, n.lastNotifiedAt().plus(RENOTIFY_INTERVAL)).toMillis();
            throw ProblemException.tooManyRequests("renotify_too_soon", "Notify again at most once a minute", Math.max(1, (millis + 999) / 1000));
        }
        List<UUID> waiting = store.unconfirmed(id);
        audit.record(p.orgId(), p.memberId(), "notice.renotified", "urgent_notice", id.toString(), Map.of("recipients", waiting.size()));
        pushes.pushToMembers(p.orgId(), waiting, URGENT, view(n, true));
        return waiting.size();
    }

    /** Like a message: line breaks and tabs are fine, other control characters are not. */
    private String noticeText(String text) {
        if (text == null || text.isBlank()) throw ProblemException.invalid("text", "required", "text is required");
        String t = text.strip();
        if (t.codePointCount(0, t.length()) > maxTextChars) {
            throw new ProblemException(400, "text_too_long", "Urgent notices are limited to " + maxTextChars + " characters", "text", Map.of("limit", maxTextChars));
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw ProblemException.invalid("text", "control_character", "text must not contain control characters");
            }
        }
        return t;
    }

    public static Map<String, Object> view(UrgentNotice n, boolean renotified) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", n.id());
        v.put("senderId", n.senderId());
        v.put("text", n.text());
        v.put("recipientCount", n.recipientCount());
        v.put("confirmedCount", n.confirmedCount());
        v.put("createdAt", n.createdAt());
        v.put("renotified", renotified);
        return v;
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "no_such_notice", "There is no such urgent notice for you", null, null);
    }
}
