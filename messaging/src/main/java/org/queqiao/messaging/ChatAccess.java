package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Who may see and act in a conversation. Anyone who is not a member (another tenant, a colleague
 * outside the group, a deactivated member) gets the same 404 as for a conversation that does not
 * exist: we do not confirm that a conversation exists to people outside it.
 */
final class ChatAccess {
    private final ConversationStore conversations;

    ChatAccess(ConversationStore conversations) {
        this.conversations = conversations;
    }

    /** The conversation and the caller's membership of it. */
    Seat seat(Principal p, UUID conversationId) {
        Conversation c = conversations.find(p.orgId(), conversationId).orElseThrow(ChatAccess::notFound);
        Membership m = conversations.membership(c.id(), p.memberId()).orElseThrow(ChatAccess::notFound);
        return new Seat(c, m);
    }

    static ProblemException notFound() {
        return new ProblemException(404, "no_such_conversation", "There is no such conversation, or you are not a member of it", null, null);
    }
}
