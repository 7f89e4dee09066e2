package org.queqiao.desk;

import org.queqiao.desk.routing.Routing;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.desk.store.NoteStore;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.messaging.Entry;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An agent's day: their status, the conversations offered to and assigned to them, the queue of their
 * groups, accepting or declining an offer, notes, closing with tags. Replies go through the ordinary
 * {@code chat.send}: an assigned agent is a member of the conversation's log.
 */
public final class AgentDesk {
    static final int MAX_NOTE = 2000;

    private final DeskAccess access;
    private final DeskConversationStore conversations;
    private final DeskSetupStore setup;
    private final NoteStore notes;
    private final org.queqiao.desk.store.VisitorStore visitors;
    private final DeskLogs logs;
    private final Routing routing;
    private final Closing closing;
    private final Clock clock;

    AgentDesk(DeskAccess access, DeskConversationStore conversations, DeskSetupStore setup, NoteStore notes, org.queqiao.desk.store.VisitorStore visitors,
              DeskLogs logs, Routing routing, Closing closing, Clock clock) {
        this.visitors = visitors;
        this.access = access;
        this.conversations = conversations;
        this.setup = setup;
        this.notes = notes;
        this.logs = logs;
        this.routing = routing;
        this.closing = closing;
        this.clock = clock;
    }

    public Agent me(Principal p) {
        return access.agent(p);
    }

    /** Online: routed to at once. Away: keeps their conversations, gets no new ones. Offline: pending offers go back to the queue. */
    public Agent setStatus(Principal p, AgentStatus status) {
        if (status == null) throw ProblemException.invalid("status", "invalid_status", "status must be online, away or offline");
        access.agent(p);
        setup.setStatus(p.orgId(), p.memberId(), status, clock.instant());
        if (status != AgentStatus.ONLINE) {
            for (DeskConversation c : conversations.heldBy(p.orgId(), p.memberId())) {
                if (c.state() == ConversationState.OFFERED) routing.offers().decline(p.orgId(), p.memberId(), c.id());
            }
        }
        routing.wake(p.orgId());
        return access.agent(p);
    }

    /** Offered to or assigned to the caller, open. */
    public List<DeskConversation> mine(Principal p) {
        access.agent(p);
        return conversations.heldBy(p.orgId(), p.memberId());
    }

    /** Waiting in the caller's groups (every group for supervisors), in serving order. */
    public Page<DeskConversation> queue(Principal p, UUID groupId, PageRequest page) {
        boolean supervisor = access.supervises(p);
        if (!supervisor) {
            access.agent(p);
            if (groupId == null || !setup.groupsOf(p.orgId(), p.memberId()).contains(groupId)) {
                throw ProblemException.forbidden("not_in_group", "Agents see the queues of their own groups; name one of them as groupId");
            }
        }
        return conversations.list(p.orgId(), new DeskConversationStore.Filter(List.of(ConversationState.QUEUED), null, groupId, null), page);
    }

    public DeskConversation accept(Principal p, UUID conversationId) {
        access.agent(p);
        return routing.offers().accept(p.orgId(), p.memberId(), conversationId);
    }

    public void decline(Principal p, UUID conversationId) {
        access.agent(p);
        routing.offers().decline(p.orgId(), p.memberId(), conversationId);
    }

    /** A conversation with its visitor, its log (after {@code after}) and notes: for its agent or a supervisor. */
    public Detail detail(Principal p, UUID conversationId, long after) {
        DeskConversation c = access.visible(p, conversationId);
        List<Entry> entries = logs.entriesAfter(c.id(), Math.max(0, after), VisitorChat.MAX_PAGE);
        return new Detail(c, visitors.find(p.orgId(), c.visitorId()).orElse(null), entries, notes.notes(c.id()));
    }

    /** {@code visitor}: who they are as far as we know (name, contact and signed id when given; VIP). */
    public record Detail(DeskConversation conversation, Visitor visitor, List<Entry> entries, List<NoteStore.Note> notes) {}

    public NoteStore.Note addNote(Principal p, UUID conversationId, String text) {
        DeskConversation c = access.visible(p, conversationId);
        NoteStore.Note n = new NoteStore.Note(Ids.newId(), c.id(), p.orgId(), p.memberId(), Validate.text("text", text, 1, MAX_NOTE), clock.instant());
        notes.insert(n);
        return n;
    }

    public DeskConversation close(Principal p, UUID conversationId, List<String> tags) {
        List<String> clean = tags(tags);
        return closing.closeNow(p.orgId(), conversationId, p.memberId(), clean, id -> access.working(p, id));
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) return List.of();
        Validate.check(tags.size() <= Closing.MAX_TAGS, "tags", "too_many_tags", "At most " + Closing.MAX_TAGS + " tags");
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String tag = Validate.text("tags", t, 1, 32).strip();
            if (!out.contains(tag)) out.add(tag);
        }
        return out;
    }
}
