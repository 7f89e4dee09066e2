package org.queqiao.desk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A desk conversation's desk state (its messages are the chat log of the same id). Times are recorded
 * as they happen, so reports are sums over rows: wait = assignedAt - queuedAt, first response =
 * firstResponseAt - queuedAt (from the handoff, not from the bot), resolution = closedAt - queuedAt.
 */
public record DeskConversation(UUID id, UUID orgId, UUID channelId, UUID visitorId, UUID groupId, ConversationState state, int priority,
                               Instant openedAt, Instant queuedAt, String handoffReason, UUID offeredTo, Instant offerExpiresAt,
                               List<UUID> excludedAgents, UUID agentId, Instant assignedAt, Instant firstResponseAt, int botAnswers,
                               int botFallbacks, int transfers, Instant closedAt, UUID closedBy, List<String> tags, Integer csatScore,
                               String csatComment) {

    public boolean isOpen() { return state.isOpen(); }

    /** This conversation as the close statement leaves it (so the closing transaction need not read it back). */
    public DeskConversation closed(UUID by, List<String> closingTags, Instant at) {
        return new DeskConversation(id, orgId, channelId, visitorId, groupId, ConversationState.CLOSED, priority, openedAt, queuedAt, handoffReason,
                null, null, excludedAgents, agentId, assignedAt, firstResponseAt, botAnswers, botFallbacks, transfers, at, by, closingTags,
                csatScore, csatComment);
    }

    public DeskConversation withFirstResponseAt(Instant at) {
        return new DeskConversation(id, orgId, channelId, visitorId, groupId, state, priority, openedAt, queuedAt, handoffReason, offeredTo,
                offerExpiresAt, excludedAgents, agentId, assignedAt, at, botAnswers, botFallbacks, transfers, closedAt, closedBy, tags,
                csatScore, csatComment);
    }

    /** The agent currently holding it (offered or assigned), if any. */
    public UUID holder() {
        return state == ConversationState.OFFERED ? offeredTo : state == ConversationState.ASSIGNED ? agentId : null;
    }
}
