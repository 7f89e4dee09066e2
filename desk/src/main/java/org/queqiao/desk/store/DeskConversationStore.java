package org.queqiao.desk.store;

import org.queqiao.desk.ConversationState;
import org.queqiao.desk.DeskConversation;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Desk conversations' desk state. State changes are guarded by the state they expect and return
 * whether they happened, so two nodes (or an agent and a timer) racing on one conversation cannot
 * both win. Every lookup is scoped to an organisation.
 */
public interface DeskConversationStore {
    void insert(DeskConversation c);

    Optional<DeskConversation> find(UUID orgId, UUID id);

    /** Finds and locks the row until the transaction ends. */
    Optional<DeskConversation> lock(UUID orgId, UUID id);

    /** The visitors of these conversations of the organisation. */
    java.util.Map<UUID, UUID> visitorsOf(UUID orgId, java.util.Collection<UUID> ids);

    /** The visitor's conversation that is still open, if any. */
    Optional<DeskConversation> openFor(UUID orgId, UUID visitorId);

    /**
     * Holds the organisation's queue-order lock until the transaction ends. Whoever stamps a place in
     * a queue ({@link #enqueue}, {@link #moveToGroup}) takes it first, reads the clock after, and
     * commits soon: stamps are then in commit order, so the router, whichever moment it reads the
     * queue, never sees a later arrival without every earlier one (first come stays first served).
     */
    void holdQueueOrder(UUID orgId);

    /** bot → queued (the handoff): its place in the queue is {@code at}, read under {@link #holdQueueOrder}. */
    boolean enqueue(UUID id, String reason, int priority, Instant at);

    /** offered → assigned, for the agent it was offered to. */
    boolean accept(UUID id, UUID agentId, Instant at);

    /**
     * offered or assigned → queued again, keeping its place (queued_at) and never offering it to
     * {@code excludeAgent} again.
     */
    boolean requeue(UUID id, UUID excludeAgent, ConversationState from);

    /** Moves a conversation to another group's queue (a transfer to a group): queued from {@code at}, read under {@link #holdQueueOrder}; exclusions cleared. */
    boolean moveToGroup(UUID id, UUID groupId, Instant at);

    /** assigned → assigned to another agent directly (a transfer to an agent, a supervisor's takeover). */
    boolean reassign(UUID id, UUID fromAgent, UUID toAgent, Instant at);

    boolean close(UUID id, UUID by, List<String> tags, Instant at);

    /** queued → missed (waited past the group's maximum). */
    boolean miss(UUID id, Instant at);

    /** The bot answered ({@code fallback} false) or could not: counts, and the run of fallbacks. @return the run now */
    int botReplied(UUID id, boolean fallback);

    /** Misunderstood questions in a row since the bot last answered. */
    int fallbackStreak(UUID id);

    /** A visitor message now waits for an agent (if none was waiting already). */
    void visitorSpoke(UUID id, Instant at);

    /** The assigned agent replied: first response (once) and the next-response wait it ended. */
    void agentSpoke(UUID id, Instant at);

    /** Response times as read from the log when it ended (exact; see ResponseTimes). */
    void recordResponseTimes(UUID id, Instant firstResponseAt, int responses, long responseMsTotal);

    /** The SLA verdicts once it ended (null: the group had no such target). */
    void recordSla(UUID id, Boolean firstResponseBreached, Boolean resolutionBreached);

    /** @return false when it was rated already */
    boolean rate(UUID id, int score, String comment, Instant at);

    /** Open conversations held (offered or assigned) by the agent. */
    List<DeskConversation> heldBy(UUID orgId, UUID agentId);

    /** Conversations for desk lists: by state, agent and group (each optional), newest first. */
    Page<DeskConversation> list(UUID orgId, Filter filter, PageRequest page);

    /** Conversations still with the bot whose log has been quiet since {@code cutoff} (the visitor left), at most {@code limit}. */
    List<DeskConversation> idleWithBot(Instant cutoff, int limit);

    /** Every pending offer (re-armed when a node starts). */
    List<DeskConversation> pendingOffers();

    /** Every queued conversation (its maximum-wait timer is re-armed when a node starts). */
    List<DeskConversation> queued();

    /** Per group with someone waiting: how many, and since when the longest. */
    List<QueueStat> queueStats(UUID orgId);

    record QueueStat(UUID groupId, int waiting, Instant oldestQueuedAt) {}

    record Filter(List<ConversationState> states, UUID agentId, UUID groupId, UUID visitorId) {}
}
