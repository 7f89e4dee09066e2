package org.queqiao.desk;

import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The supervisor's floor: every queue (waiting, longest wait), every agent (status, load, groups); and
 * stepping into a conversation, to listen and help (join) or to take it over.
 */
public final class Supervision {
    private final DeskAccess access;
    private final DeskConversationStore conversations;
    private final DeskSetupStore setup;
    private final DeskLogs logs;
    private final Transactor tx;
    private final Transfers transfers;
    private final Clock clock;

    Supervision(DeskAccess access, DeskConversationStore conversations, DeskSetupStore setup, DeskLogs logs, Transactor tx, Transfers transfers,
                Clock clock) {
        this.access = access;
        this.conversations = conversations;
        this.setup = setup;
        this.logs = logs;
        this.tx = tx;
        this.transfers = transfers;
        this.clock = clock;
    }

    public record GroupFloor(UUID groupId, String name, int waiting, long longestWaitSeconds, int agentsOnline, int freeSlots) {}

    public record AgentFloor(UUID memberId, AgentStatus status, int active, int maxConcurrent, boolean supervisor, List<UUID> groupIds) {}

    public record Floor(List<GroupFloor> groups, List<AgentFloor> agents) {}

    public Floor floor(Principal p) {
        access.requireSupervisor(p);
        Instant now = clock.instant();
        Map<UUID, DeskConversationStore.QueueStat> stats = conversations.queueStats(p.orgId()).stream()
                .collect(Collectors.toMap(DeskConversationStore.QueueStat::groupId, s -> s));
        List<Agent> agents = setup.agents(p.orgId());
        Map<UUID, List<UUID>> groupsOf = agents.stream().collect(Collectors.toMap(Agent::memberId, a -> setup.groupsOf(p.orgId(), a.memberId())));
        List<GroupFloor> groups = setup.groups(p.orgId()).stream().map(g -> {
            var s = stats.get(g.id());
            List<Agent> in = agents.stream().filter(a -> groupsOf.get(a.memberId()).contains(g.id()) && a.status() == AgentStatus.ONLINE).toList();
            int free = in.stream().mapToInt(a -> Math.max(0, a.maxConcurrent() - a.active())).sum();
            return new GroupFloor(g.id(), g.name(), s == null ? 0 : s.waiting(), s == null ? 0 : Duration.between(s.oldestQueuedAt(), now).toSeconds(),
                    in.size(), free);
        }).toList();
        List<AgentFloor> floor = agents.stream().map(a -> new AgentFloor(a.memberId(), a.status(), a.active(), a.maxConcurrent(), a.supervisor(),
                groupsOf.get(a.memberId()))).toList();
        return new Floor(groups, floor);
    }

    /** Every conversation of the organisation, filtered by state (wire name), agent and group, newest first. */
    public org.queqiao.platform.page.Page<DeskConversation> conversations(Principal p, String state, UUID agentId, UUID groupId,
                                                                          org.queqiao.platform.page.PageRequest page) {
        access.requireSupervisor(p);
        List<ConversationState> states = null;
        if (state != null && !state.isBlank()) {
            try {
                states = List.of(ConversationState.fromWire(state));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("state", "invalid_state", "state must be bot, queued, offered, assigned, closed or missed");
            }
        }
        return conversations.list(p.orgId(), new DeskConversationStore.Filter(states, agentId, groupId, null), page);
    }

    /** Joins the conversation's log to read along and write (the visitor sees a supervisor joined). */
    public DeskConversation join(Principal p, UUID conversationId) {
        access.requireSupervisor(p);
        return tx.inTransaction(() -> {
            DeskConversation c = conversations.lock(p.orgId(), conversationId).orElseThrow(() -> ProblemException.notFound("Conversation"));
            if (!c.isOpen()) throw ProblemException.conflict("conversation_closed", "This conversation has ended", null);
            var chat = logs.find(p.orgId(), c.id()).orElseThrow();
            if (!logs.agentsIn(c.id()).contains(p.memberId())) {
                logs.addAgent(chat, p.memberId(), clock.instant());
                logs.record(chat, p.memberId(), Map.of("type", "supervisor_joined"));
            }
            return c;
        });
    }

    /** The supervisor becomes the conversation's agent (they need a seat with room, like anyone). */
    public DeskConversation takeOver(Principal p, UUID conversationId) {
        access.requireSupervisor(p);
        access.agent(p);
        return transfers.toAgent(p, conversationId, p.memberId(), "takeover");
    }
}
