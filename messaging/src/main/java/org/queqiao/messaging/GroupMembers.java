package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is in a group and what they may do: invite, remove, leave, admins, mute, hand over ownership,
 * dissolve. Every change is a system entry in the log, so every device learns of it in order.
 */
public final class GroupMembers {
    /** System entries list at most this many member ids; the count is always there. */
    static final int EVENT_MEMBER_IDS = 50;

    private final ConversationStore store;
    private final ChatAccess access;
    private final Appender appender;
    private final ChatDelivery delivery;
    private final AuditLog audit;
    private final Transactor tx;
    private final int maxGroupMembers;

    GroupMembers(ConversationStore store, ChatAccess access, Appender appender, ChatDelivery delivery, AuditLog audit, Transactor tx,
                 int maxGroupMembers) {
        this.store = store;
        this.access = access;
        this.appender = appender;
        this.delivery = delivery;
        this.audit = audit;
        this.tx = tx;
        this.maxGroupMembers = maxGroupMembers;
    }

    public Page<Membership> list(Principal p, UUID conversationId, PageRequest page) {
        access.seat(p, conversationId);
        return store.members(conversationId, page);
    }

    /** Any member may invite in an open group (as in most chat apps); new members see what is said from now on. */
    public List<UUID> add(Principal p, UUID conversationId, List<UUID> memberIds) {
        Set<UUID> wanted = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        if (wanted.isEmpty()) throw ProblemException.invalid("memberIds", "required", "Name at least one member to add");
        return tx.inTransaction(() -> {
            Conversation c = lockedGroup(p, conversationId);
            List<UUID> found = store.activeMembersAmong(p.orgId(), wanted);
            if (found.size() != wanted.size()) throw Conversations.unknownMembers(wanted, found);
            if (c.memberCount() + found.size() > maxGroupMembers) throw Conversations.tooMany(c.memberCount() + found.size());
            List<UUID> added = store.addMembers(p.orgId(), c.id(), found, ChatRole.MEMBER, c.lastSeq(), Instant.now());
            if (added.isEmpty()) return added;
            appender.appendSystem(c, p.memberId(), event("members_added", p.memberId(), added));
            tx.afterCommit(() -> delivery.joined(c, added));
            return added;
        });
    }

    /** Owner and admins remove members; admins cannot remove the owner or other admins. */
    public void remove(Principal p, UUID conversationId, UUID memberId) {
        if (memberId.equals(p.memberId())) {
            leave(p, conversationId);
            return;
        }
        tx.run(() -> {
            Conversation c = lockedGroup(p, conversationId);
            Membership me = seatOf(c, p.memberId());
            if (!me.role().manages()) throw ProblemException.forbidden("not_group_admin", "Only the group's owner or admins may remove members");
            Membership target = memberOf(c, memberId);
            if (target.role().manages() && me.role() != ChatRole.OWNER) throw ProblemException.forbidden("owner_required", "Only the owner may remove an admin");
            removeAndAnnounce(c, p.memberId(), List.of(memberId), "members_removed");
        });
    }

    /** The owner must hand the group over (or dissolve it) before leaving. */
    public void leave(Principal p, UUID conversationId) {
        tx.run(() -> {
            Conversation c = lockedGroup(p, conversationId);
            Membership me = seatOf(c, p.memberId());
            if (me.role() == ChatRole.OWNER) throw ProblemException.conflict("owner_cannot_leave", "Hand the group to someone else first, or dissolve it", null);
            removeAndAnnounce(c, p.memberId(), List.of(p.memberId()), "member_left");
        });
    }

    /** Makes a member an admin or a plain member again (owner only). */
    public void setRole(Principal p, UUID conversationId, UUID memberId, ChatRole role) {
        if (role == null || role == ChatRole.OWNER) throw ProblemException.invalid("role", "invalid_role", "role must be admin or member; use transfer-owner to hand over");
        tx.run(() -> {
            Conversation c = lockedGroup(p, conversationId);
            requireOwner(c, p);
            Membership target = memberOf(c, memberId);
            if (target.role() == ChatRole.OWNER) throw ProblemException.conflict("is_owner", "The owner's role changes by handing the group over", null);
            if (target.role() == role) return;
            store.setRole(c.id(), memberId, role);
            appender.appendSystem(c, p.memberId(), Map.of("type", "role_changed", "by", p.memberId(), "memberId", memberId, "role", role.wire()));
        });
    }

    /** Hands the group to another member; the old owner stays as an admin. */
    public void transferOwner(Principal p, UUID conversationId, UUID newOwner) {
        tx.run(() -> {
            Conversation c = lockedGroup(p, conversationId);
            requireOwner(c, p);
            if (newOwner == null || newOwner.equals(p.memberId())) throw ProblemException.invalid("memberId", "invalid_member", "Name another member of the group");
            memberOf(c, newOwner);
            store.setRole(c.id(), newOwner, ChatRole.OWNER);
            store.setRole(c.id(), p.memberId(), ChatRole.ADMIN);
            appender.appendSystem(c, p.memberId(), Map.of("type", "owner_changed", "by", p.memberId(), "memberId", newOwner));
        });
    }

    /** Mutes a member until {@code until} (null unmutes). Owner and admins; admins cannot mute each other. */
    public void mute(Principal p, UUID conversationId, UUID memberId, Instant until) {
        tx.run(() -> {
            Conversation c = lockedGroup(p, conversationId);
            Membership me = seatOf(c, p.memberId());
            if (!me.role().manages()) throw ProblemException.forbidden("not_group_admin", "Only the group's owner or admins may mute members");
            Membership target = memberOf(c, memberId);
            if (target.role().manages() && me.role() != ChatRole.OWNER) throw ProblemException.forbidden("owner_required", "Only the owner may mute an admin");
            store.setMutedUntil(c.id(), memberId, until);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", until == null ? "member_unmuted" : "member_muted");
            e.put("by", p.memberId());
            e.put("memberId", memberId);
            if (until != null) e.put("until", until.toString());
            appender.appendSystem(c, p.memberId(), e);
        });
    }

    /** Ends the group for everyone: it stays readable, nothing more can be posted (owner only). */
    public void dissolve(Principal p, UUID conversationId) {
        tx.run(() -> {
            Conversation c = lockedGroup(p, conversationId);
            requireOwner(c, p);
            Conversation dissolved = new Conversation(c.id(), c.orgId(), c.kind(), c.title(), c.announcement(), c.departmentId(), c.directKey(),
                    c.lastSeq(), c.memberCount(), c.lastEntryAt(), c.createdBy(), c.createdAt(), Instant.now());
            appender.appendSystem(c, p.memberId(), Map.of("type", "group_dissolved", "by", p.memberId()));
            store.update(dissolved);
            audit.record(p.orgId(), p.memberId(), "chat.group_dissolved", "conversation", c.id().toString(), Map.of());
        });
    }

    /** Inside the caller's transaction. */
    void removeAndAnnounce(Conversation c, UUID actorId, List<UUID> memberIds, String type) {
        List<UUID> removed = store.removeMembers(c.id(), memberIds);
        if (removed.isEmpty()) return;
        appender.appendSystem(c, actorId, event(type, actorId, removed));
        tx.afterCommit(() -> delivery.removed(c, removed));
    }

    private Conversation lockedGroup(Principal p, UUID conversationId) {
        access.seat(p, conversationId);
        Conversation c = store.lock(p.orgId(), conversationId).orElseThrow(ChatAccess::notFound);
        if (c.isDissolved()) throw ProblemException.conflict("conversation_dissolved", "This group was dissolved; it can be read but not changed", null);
        if (c.kind() == ConversationKind.DIRECT) throw ProblemException.conflict("direct_chat", "A direct chat has exactly its two members", null);
        if (c.kind().followsDirectory()) throw ProblemException.conflict("follows_directory", "Members of this group follow the directory; change the department instead", null);
        if (c.kind() == ConversationKind.DESK) throw DeskLogs.managedByDesk();
        return c;
    }

    /** The named member's place in the group; 404 naming the field when they are not in it. */
    private Membership memberOf(Conversation c, UUID memberId) {
        return store.membership(c.id(), memberId).orElseThrow(() -> new ProblemException(404, "not_a_member", "That person is not in this group", "memberId", null));
    }

    private Membership seatOf(Conversation c, UUID memberId) {
        return store.membership(c.id(), memberId).orElseThrow(ChatAccess::notFound);
    }

    private void requireOwner(Conversation c, Principal p) {
        if (seatOf(c, p.memberId()).role() != ChatRole.OWNER) throw ProblemException.forbidden("owner_required", "Only the group's owner may do this");
    }

    static Map<String, Object> event(String type, UUID by, List<UUID> members) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("by", by);
        e.put("count", members.size());
        e.put("memberIds", members.size() <= EVENT_MEMBER_IDS ? members : members.subList(0, EVENT_MEMBER_IDS));
        return e;
    }
}
