package org.queqiao.meetings;

import org.queqiao.platform.auth.Principal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A meeting invitation posted into a chat: a card entry ({@code card.type = "meeting"}) that chat
 * clients render with a join button. Posting follows the chat's rules (the caller must be allowed
 * to post there).
 */
public final class MeetingCards {
    private final MeetingPlanner planner;
    private final ChatCards chat;

    MeetingCards(MeetingPlanner planner, ChatCards chat) {
        this.planner = planner;
        this.chat = chat;
    }

    /** @param clientMsgId the chat's idempotency id; a fresh one when null */
    public Object post(Principal p, UUID meetingId, UUID conversationId, String clientMsgId, String inviteUrl) {
        Meeting m = planner.get(p, meetingId);
        String id = clientMsgId != null ? clientMsgId : "meeting-card-" + UUID.randomUUID();
        return chat.post(p, conversationId, id, card(m, inviteUrl));
    }

    static Map<String, Object> card(Meeting m, String inviteUrl) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "meeting");
        c.put("meetingId", m.id().toString());
        c.put("number", m.number());
        c.put("title", m.title());
        c.put("startAt", m.startAt() == null ? null : m.startAt().toString());
        c.put("durationMinutes", m.durationMinutes());
        c.put("hasPasscode", m.hasPasscode());
        c.put("inviteUrl", inviteUrl);
        return c;
    }
}
