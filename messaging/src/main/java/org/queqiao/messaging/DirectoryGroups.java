package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Department groups and the all-staff group: created by an admin, their members then follow the
 * directory — a member who joins a department (or the organisation) joins its group, one who moves
 * out leaves it, in the same transaction as the directory change. A department group holds the
 * department's direct members (not its sub-departments', which have their own groups).
 */
public final class DirectoryGroups {
    private final ConversationStore store;
    private final Appender appender;
    private final ChatDelivery delivery;
    private final AuditLog audit;
    private final Transactor tx;

    DirectoryGroups(ConversationStore store, Appender appender, ChatDelivery delivery, AuditLog audit, Transactor tx) {
        this.store = store;
        this.appender = appender;
        this.delivery = delivery;
        this.audit = audit;
        this.tx = tx;
    }

    public Conversation createDepartmentGroup(Principal p, UUID departmentId) {
        Access.requireAdmin(p);
        if (departmentId == null) throw ProblemException.invalid("departmentId", "required", "departmentId is required");
        return tx.inTransaction(() -> {
            String name = store.departmentName(p.orgId(), departmentId)
                    .orElseThrow(() -> ProblemException.invalid("departmentId", "unknown_department", "No such department in this organisation"));
            if (store.findDepartmentGroup(p.orgId(), departmentId).isPresent()) {
                throw ProblemException.conflict("group_exists", "This department already has its group", "departmentId");
            }
            return create(p, ConversationKind.DEPARTMENT, name, departmentId, store.departmentMembers(p.orgId(), departmentId));
        });
    }

    public Conversation createAllStaffGroup(Principal p, String title) {
        Access.requireAdmin(p);
        return tx.inTransaction(() -> {
            if (store.findAllStaff(p.orgId()).isPresent()) throw ProblemException.conflict("group_exists", "The organisation already has its all-staff group", null);
            String t = title == null || title.isBlank() ? "全员 All staff" : org.queqiao.platform.problem.Validate.text("title", title, 1, 100);
            return create(p, ConversationKind.ALL_STAFF, t, null, store.activeMembers(p.orgId()));
        });
    }

    private Conversation create(Principal p, ConversationKind kind, String title, UUID departmentId, List<UUID> members) {
        Instant now = Instant.now();
        Conversation c = new Conversation(Ids.newId(), p.orgId(), kind, title, null, departmentId, null, 0, 0, now, p.memberId(), now, null);
        try {
            store.insert(c);
        } catch (ProblemException raced) {
            throw ProblemException.conflict("group_exists", "This group was just created by someone else", null);
        }
        store.addMembers(p.orgId(), c.id(), members, ChatRole.MEMBER, 0, now);
        appender.appendSystem(c, p.memberId(), GroupMembers.event("group_created", p.memberId(), members));
        audit.record(p.orgId(), p.memberId(), "chat.group_created", "conversation", c.id().toString(), Map.of("kind", kind.wire(), "members", members.size()));
        tx.afterCommit(() -> delivery.joined(c, members));
        return store.find(p.orgId(), c.id()).orElseThrow();
    }

    /** The directory changed these members (inside its transaction): follow it. */
    void membersChanged(UUID orgId, Collection<UUID> memberIds) {
        for (ConversationStore.DirectoryChange change : store.syncDirectoryGroups(orgId, memberIds, Instant.now())) {
            Conversation c = store.find(orgId, change.conversationId()).orElseThrow();
            if (!change.added().isEmpty()) {
                appender.appendSystem(c, null, GroupMembers.event("members_added", null, change.added()));
                tx.afterCommit(() -> delivery.joined(c, change.added()));
            }
            if (!change.removed().isEmpty()) {
                appender.appendSystem(c, null, GroupMembers.event("members_removed", null, change.removed()));
                tx.afterCommit(() -> delivery.removed(c, change.removed()));
            }
        }
    }
}
