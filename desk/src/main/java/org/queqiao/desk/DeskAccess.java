package org.queqiao.desk;

import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Who may do what at the desk: agents (members holding a seat) work their conversations; supervisors
 * (agents marked so) and organisation admins see every conversation and the floor; admins set the desk
 * up. Conversations of another organisation are simply not found.
 */
final class DeskAccess {
    private final DeskSetupStore setup;
    private final DeskConversationStore conversations;

    DeskAccess(DeskSetupStore setup, DeskConversationStore conversations) {
        this.setup = setup;
        this.conversations = conversations;
    }

    Agent agent(Principal p) {
        if (p.isOutsider()) throw ProblemException.forbidden("agents_only", "Only the organisation's agents can use the desk");
        return setup.agent(p.orgId(), p.memberId())
                .orElseThrow(() -> ProblemException.forbidden("not_an_agent", "You hold no agent seat; ask an admin to add you as an agent"));
    }

    boolean supervises(Principal p) {
        return !p.isOutsider() && (p.isAdmin() || setup.agent(p.orgId(), p.memberId()).map(Agent::supervisor).orElse(false));
    }

    void requireSupervisor(Principal p) {
        if (!supervises(p)) throw ProblemException.forbidden("supervisor_required", "Only supervisors and admins can do this");
    }

    void requireAdmin(Principal p) {
        if (p.isOutsider() || !p.isAdmin()) throw ProblemException.forbidden("admin_required", "Only the organisation's admins can set up the desk");
    }

    /** A conversation the caller may see: one they hold, or any when they supervise. */
    DeskConversation visible(Principal p, UUID conversationId) {
        DeskConversation c = conversations.find(p.orgId(), conversationId).orElseThrow(() -> ProblemException.notFound("Conversation"));
        if (p.memberId().equals(c.holder()) || supervises(p)) return c;
        throw ProblemException.notFound("Conversation");
    }

    /** A conversation the caller works on now (assigned to them), locked; supervisors may act on any open one. */
    DeskConversation working(Principal p, UUID conversationId) {
        DeskConversation c = conversations.lock(p.orgId(), conversationId).orElseThrow(() -> ProblemException.notFound("Conversation"));
        boolean mine = c.state() == ConversationState.ASSIGNED && p.memberId().equals(c.agentId());
        if (!mine && !supervises(p)) throw ProblemException.notFound("Conversation");
        if (!c.isOpen()) throw ProblemException.conflict("conversation_closed", "This conversation has ended", null);
        return c;
    }
}
