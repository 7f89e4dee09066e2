package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Opening direct chats and creating groups; listing a member's conversations. Membership changes: {@link GroupMembers}. */
public final class Conversations {
    private final ConversationStore store;
    private final ChatAccess access;
    private final Appender appender;
    private final ChatDelivery delivery;
    private final AuditLog audit;
    private final Transactor tx;
    private final int maxGroupMembers;

    Conversations(ConversationStore store, ChatAccess access, Appender appender, ChatDelivery delivery, AuditLog audit, Transactor tx,
                  int maxGroupMembers) {
        this.store = store;
        this.access = access;
        this.appender = appender;
        this.delivery = delivery;
        this.audit = audit;
        this.tx = tx;
        this.maxGroupMembers = maxGroupMembers;
    }

    /** The direct chat between the caller and {@code otherId}, created on first use (one per pair). */
    public Conversation openDirect(Principal p, UUID otherId) {
        if (otherId == null) throw ProblemException.invalid("memberId", "required", "memberId is required");
        if (otherId.equals(p.memberId())) throw ProblemException.invalid("memberId", "self", "A direct chat needs someone else");
        String key = Conversation.directKey(p.memberId(), otherId);
        return store.findDirect(p.orgId(), key).orElseGet(() -> {
            try {
                return tx.inTransaction(() -> {
                    if (store.activeMembersAmong(p.orgId(), List.of(p.memberId(), otherId)).size() != 2) {
                        throw ProblemException.invalid("memberId", "unknown_member", "That person is not an active member of your organisation");
                    }
                    Instant now = Instant.now();
                    Conversation c = new Conversation(Ids.newId(), p.orgId(), ConversationKind.DIRECT, null, null, null, key, 0, 0, now, p.memberId(), now, null);
                    store.insert(c);
                    store.addMembers(p.orgId(), c.id(), List.of(p.memberId(), otherId), ChatRole.MEMBER, 0, now);
                    tx.afterCommit(() -> delivery.joined(c, List.of(p.memberId(), otherId)));
                    return store.find(p.orgId(), c.id()).orElseThrow();
                });
            } catch (ProblemException e) {
                // both opened it at the same moment: the other transaction won the unique key
                if (e.status() == 409) return store.findDirect(p.orgId(), key).orElseThrow(() -> e);
                throw e;
            }
        });
    }

    /** A group with the caller as owner. Guests cannot create groups. */
    public Conversation createGroup(Principal p, String title, List<UUID> memberIds) {
        if (p.role() == Role.GUEST) throw ProblemException.forbidden("guest_forbidden", "Guests cannot create groups");
        String t = Validate.text("title", title, 1, 100);
        Set<UUID> wanted = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        wanted.remove(p.memberId());
        if (wanted.size() + 1 > maxGroupMembers) throw tooMany(wanted.size() + 1);
        return tx.inTransaction(() -> {
            List<UUID> found = store.activeMembersAmong(p.orgId(), wanted);
            if (found.size() != wanted.size()) throw unknownMembers(wanted, found);
            Instant now = Instant.now();
            Conversation c = new Conversation(Ids.newId(), p.orgId(), ConversationKind.GROUP, t, null, null, null, 0, 0, now, p.memberId(), now, null);
            store.insert(c);
            store.addMembers(p.orgId(), c.id(), List.of(p.memberId()), ChatRole.OWNER, 0, now);
            store.addMembers(p.orgId(), c.id(), found, ChatRole.MEMBER, 0, now);
            appender.appendSystem(c, p.memberId(), GroupMembers.event("group_created", p.memberId(), found));
            audit.record(p.orgId(), p.memberId(), "chat.group_created", "conversation", c.id().toString(), Map.of("members", found.size() + 1));
            List<UUID> everyone = new ArrayList<>(found);
            everyone.add(p.memberId());
            tx.afterCommit(() -> delivery.joined(c, everyone));
            return store.find(p.orgId(), c.id()).orElseThrow();
        });
    }

    public Conversation get(Principal p, UUID conversationId) {
        return access.seat(p, conversationId).conversation();
    }

    public Page<ConversationSummary> list(Principal p, PageRequest page) {
        return store.listFor(p.orgId(), p.memberId(), page);
    }

    /** Title and announcement of a group, by its owner or admins. A null field is left as it is. */
    public Conversation update(Principal p, UUID conversationId, String title, String announcement) {
        return tx.inTransaction(() -> {
            Seat seat = access.seat(p, conversationId);
            seat.requireOpen();
            if (seat.conversation().kind() == ConversationKind.DIRECT) throw ProblemException.conflict("direct_chat", "Direct chats have no title or announcement", null);
            if (seat.conversation().kind() == ConversationKind.DESK) throw DeskLogs.managedByDesk();
            if (!(seat.conversation().kind().followsDirectory() && p.isAdmin())) seat.requireManager("change the title or announcement");
            Conversation c = store.lock(p.orgId(), conversationId).orElseThrow(ChatAccess::notFound);
            String t = title == null ? c.title() : Validate.text("title", title, 1, 100);
            String a = announcement == null ? c.announcement() : (announcement.isBlank() ? null : Validate.text("announcement", announcement, 1, 2000));
            Conversation updated = new Conversation(c.id(), c.orgId(), c.kind(), t, a, c.departmentId(), c.directKey(), c.lastSeq(), c.memberCount(),
                    c.lastEntryAt(), c.createdBy(), c.createdAt(), c.dissolvedAt());
            store.update(updated);
            Map<String, Object> event = new java.util.LinkedHashMap<>();
            event.put("type", "group_updated");
            event.put("by", p.memberId());
            if (title != null) event.put("title", t);
            if (announcement != null) event.put("announcement", a == null ? "" : a);
            appender.appendSystem(updated, p.memberId(), event);
            return updated;
        });
    }

    static ProblemException tooMany(int count) {
        return new ProblemException(403, "group_too_large", "A group may have at most the configured number of members; this would make " + count,
                "memberIds", Map.of("members", count));
    }

    static ProblemException unknownMembers(Set<UUID> wanted, List<UUID> found) {
        Set<UUID> have = new java.util.HashSet<>(found);
        List<String> missing = wanted.stream().filter(id -> !have.contains(id)).map(UUID::toString).limit(20).toList();
        return new ProblemException(400, "unknown_member", "Not active members of your organisation: " + String.join(", ", missing), "memberIds",
                Map.of("memberIds", missing));
    }
}
