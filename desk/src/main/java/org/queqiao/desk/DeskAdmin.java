package org.queqiao.desk;

import org.queqiao.desk.routing.Routing;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.desk.store.VisitorStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Setting the desk up (admins): skill groups, agent seats within the plan's limit, who is in which
 * group, channels with their widget keys and identity secrets, canned responses.
 */
public final class DeskAdmin {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_CONCURRENT = 100;
    /** The plan quota (the directory's Quotas.AGENT_SEATS). */
    static final String AGENT_SEATS = "agentSeats";

    private final DeskAccess access;
    private final DeskSetupStore setup;
    private final DeskConversationStore conversations;
    private final VisitorStore visitors;
    private final DeskDirectory directory;
    private final Transactor tx;
    private final Routing routing;
    private final GroupRules rules;
    private final Clock clock;
    private final GroupCache groups;

    DeskAdmin(DeskAccess access, DeskSetupStore setup, GroupCache groups, DeskConversationStore conversations, VisitorStore visitors, DeskDirectory directory,
              Transactor tx, Routing routing, GroupRules rules, Clock clock) {
        this.groups = groups;
        this.visitors = visitors;
        this.access = access;
        this.setup = setup;
        this.conversations = conversations;
        this.directory = directory;
        this.tx = tx;
        this.routing = routing;
        this.rules = rules;
        this.clock = clock;
    }

    /** A group as an admin writes it; null fields keep their value on update (defaults on create). */
    public record GroupInput(String name, String routing, Map<String, Object> businessHours, Long slaFirstResponseSeconds,
                             Long slaResolutionSeconds, Long maxWaitSeconds) {}

    public SkillGroup createGroup(Principal p, GroupInput in) {
        access.requireAdmin(p);
        SkillGroup g = rules.group(Ids.newId(), p.orgId(), in, null, clock.instant());
        setup.insertGroup(g);
        return g;
    }

    public SkillGroup updateGroup(Principal p, UUID groupId, GroupInput in) {
        access.requireAdmin(p);
        SkillGroup old = group(p, groupId);
        SkillGroup g = rules.group(groupId, p.orgId(), in, old, old.createdAt());
        setup.updateGroup(g);
        groups.forget(groupId);
        return g;
    }

    public void deleteGroup(Principal p, UUID groupId) {
        access.requireAdmin(p);
        group(p, groupId);
        if (!setup.deleteGroup(p.orgId(), groupId, clock.instant())) {
            throw ProblemException.conflict("group_in_use", "Move the group's agents, channels and open conversations elsewhere first", null);
        }
        groups.forget(groupId);
    }

    public List<SkillGroup> groups(Principal p) {
        if (!p.isAdmin()) access.agent(p);
        return setup.groups(p.orgId());
    }

    /** Every seat with status and load: for admins, supervisors, and agents choosing whom to transfer to. */
    public List<Agent> agents(Principal p) {
        if (!access.supervises(p) && !p.isAdmin()) access.agent(p);
        return setup.agents(p.orgId());
    }

    /** Channels with their keys and identity secrets: admins only. */
    public List<Channel> channels(Principal p) {
        access.requireAdmin(p);
        return setup.channels(p.orgId());
    }

    /** Marks a visitor as a VIP (served before others in every queue) or not: supervisors and admins. */
    public Visitor setVip(Principal p, UUID visitorId, boolean vip) {
        access.requireSupervisor(p);
        Visitor v = visitors.find(p.orgId(), visitorId).orElseThrow(() -> new ProblemException(404, "no_such_visitor", "There is no such visitor", "visitorId", null));
        Visitor u = new Visitor(v.id(), v.orgId(), v.channelId(), v.externalId(), v.name(), v.email(), v.phone(), vip, v.lastAgentId(), v.createdAt());
        visitors.update(u, clock.instant());
        return u;
    }

    /** Messages visitors left when nobody was there, newest first. */
    public List<VisitorStore.OfflineMessage> offlineMessages(Principal p) {
        access.requireSupervisor(p);
        return visitors.offlineMessages(p.orgId(), 200);
    }

    public SkillGroup group(Principal p, UUID groupId) {
        return setup.group(p.orgId(), groupId).orElseThrow(() -> new ProblemException(404, "no_such_group", "There is no such skill group", "groupId", null));
    }

    /** Gives a member an agent seat, within the plan's agentSeats. */
    public Agent addAgent(Principal p, UUID memberId, Integer maxConcurrent, boolean supervisor, List<UUID> groupIds) {
        access.requireAdmin(p);
        int max = maxConcurrent(maxConcurrent == null ? 5 : maxConcurrent);
        if (!directory.isActiveMember(p.orgId(), memberId)) throw new ProblemException(404, "no_such_member", "There is no active member with this id", "memberId", null);
        List<UUID> groups = groupIds == null ? List.of() : groupIds.stream().distinct().peek(id -> group(p, id)).toList();
        Instant now = clock.instant();
        return tx.inTransaction(() -> {
            int used = setup.lockSeats(p.orgId());
            if (setup.agent(p.orgId(), memberId).isPresent()) throw ProblemException.conflict("already_agent", "This member holds an agent seat already", "memberId");
            DeskDirectory.Seats seats = directory.agentSeats(p.orgId());
            if (used + 1 > seats.limit()) throw ProblemException.quotaExceeded(AGENT_SEATS, seats.limit(), seats.planId());
            Agent a = new Agent(p.orgId(), memberId, max, AgentStatus.OFFLINE, 0, supervisor, null, now);
            setup.insertAgent(a);
            setup.setAgentGroups(p.orgId(), memberId, groups);
            return a;
        });
    }

    public Agent updateAgent(Principal p, UUID memberId, Integer maxConcurrent, Boolean supervisor, List<UUID> groupIds) {
        access.requireAdmin(p);
        Agent a = setup.agent(p.orgId(), memberId).orElseThrow(() -> new ProblemException(404, "no_such_agent", "That member holds no agent seat", "memberId", null));
        if (groupIds != null) groupIds.forEach(id -> group(p, id));
        tx.run(() -> {
            setup.updateAgent(p.orgId(), memberId, maxConcurrent == null ? a.maxConcurrent() : maxConcurrent(maxConcurrent),
                    supervisor == null ? a.supervisor() : supervisor);
            if (groupIds != null) setup.setAgentGroups(p.orgId(), memberId, groupIds.stream().distinct().toList());
        });
        routing.wake(p.orgId()); // a higher cap or a new group may serve someone waiting
        return setup.agent(p.orgId(), memberId).orElseThrow();
    }

    /** Frees the seat; their open conversations must have been handed on (or closed) first. */
    public void removeAgent(Principal p, UUID memberId) {
        access.requireAdmin(p);
        if (!conversations.heldBy(p.orgId(), memberId).isEmpty()) {
            throw ProblemException.conflict("agent_has_conversations", "Transfer or close this agent's open conversations first", "memberId");
        }
        tx.run(() -> {
            setup.setAgentGroups(p.orgId(), memberId, List.of());
            setup.deleteAgent(p.orgId(), memberId);
        });
    }

    public Channel createChannel(Principal p, String kind, String name, UUID groupId, boolean identified, boolean preChatForm) {
        access.requireAdmin(p);
        Validate.check("web".equals(kind) || "api".equals(kind), "kind", "invalid_kind", "kind must be web or api");
        if (groupId == null) throw ProblemException.invalid("groupId", "required", "groupId is required: the skill group that answers this channel");
        group(p, groupId);
        Channel c = new Channel(Ids.newId(), p.orgId(), kind, Validate.text("name", name, 1, 64), "qw_" + random(16), identified ? random(32) : null,
                groupId, preChatForm, clock.instant());
        setup.insertChannel(c);
        return c;
    }

    public DeskSetupStore.CannedResponse addCanned(Principal p, String shortcut, String text) {
        access.requireAdmin(p);
        String s = Validate.text("shortcut", shortcut, 1, 32);
        Validate.check(s.matches("[\\p{L}\\p{N}_-]+"), "shortcut", "invalid_shortcut", "A shortcut is letters, digits, _ and - (typed after /)");
        var c = new DeskSetupStore.CannedResponse(Ids.newId(), p.orgId(), s, Validate.text("text", text, 1, 2000), p.memberId(), clock.instant());
        if (setup.canned(p.orgId()).stream().anyMatch(x -> x.shortcut().equalsIgnoreCase(s))) throw ProblemException.conflict("shortcut_taken", "That shortcut is in use", "shortcut");
        setup.insertCanned(c);
        return c;
    }

    /** Canned responses, for every agent (and admins). */
    public List<DeskSetupStore.CannedResponse> canned(Principal p) {
        if (!p.isAdmin()) access.agent(p);
        return setup.canned(p.orgId());
    }

    public void deleteCanned(Principal p, UUID id) {
        access.requireAdmin(p);
        if (!setup.deleteCanned(p.orgId(), id)) throw ProblemException.notFound("Canned response");
    }

    private static int maxConcurrent(int n) {
        Validate.check(n >= 1 && n <= MAX_CONCURRENT, "maxConcurrent", "invalid_max_concurrent", "maxConcurrent must be 1 to " + MAX_CONCURRENT);
        return n;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
