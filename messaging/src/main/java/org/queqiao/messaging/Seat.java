package org.queqiao.messaging;

import org.queqiao.platform.problem.ProblemException;

/** A member's place in a conversation: the conversation and their membership of it. */
public record Seat(Conversation conversation, Membership membership) {

    boolean manages(org.queqiao.platform.auth.Principal p) {
        return membership.role().manages();
    }

    void requireManager(String what) {
        if (!membership.role().manages()) throw ProblemException.forbidden("not_group_admin", "Only the group's owner or admins may " + what);
    }

    void requireOpen() {
        if (conversation.isDissolved()) throw ProblemException.conflict("conversation_dissolved", "This group was dissolved; it can be read but not changed", null);
    }
}
