package org.queqiao.meetings;

import org.queqiao.platform.auth.Principal;

import java.util.Map;
import java.util.UUID;

/**
 * Posts a card message into a chat as the caller, with the chat's own rules (membership, mute,
 * idempotency by {@code clientMsgId}). Wired to the messaging capability by the server.
 *
 * @return what the chat answers for a send (the stored entry)
 */
@FunctionalInterface
public interface ChatCards {
    Object post(Principal caller, UUID conversationId, String clientMsgId, Map<String, Object> card);
}
