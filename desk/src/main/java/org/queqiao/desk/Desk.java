package org.queqiao.desk;

import org.queqiao.desk.report.DeskReports;
import org.queqiao.desk.routing.DeskTimers;
import org.queqiao.desk.routing.Drain;
import org.queqiao.desk.routing.Offers;
import org.queqiao.desk.routing.QueueBroadcaster;
import org.queqiao.desk.routing.Routing;
import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.desk.store.FaqStore;
import org.queqiao.desk.store.NoteStore;
import org.queqiao.desk.store.RoutingStore;
import org.queqiao.desk.store.ReportStore;
import org.queqiao.desk.store.VisitorStore;
import org.queqiao.desk.visitor.VisitorSessions;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.util.UUID;

/** The customer-service desk, assembled (ADR 0010): its public surface is the services returned here. */
public final class Desk implements AutoCloseable {
    public record Stores(DeskSetupStore setup, DeskConversationStore conversations, RoutingStore routing, VisitorStore visitors, NoteStore notes,
                         FaqStore faqs, ReportStore reports) {}

    private final Stores stores;
    private final DeskLogs logs;
    private final Transactor tx;
    private final DeskTimers timers;
    private final Routing routing;
    private final Handoff handoff;
    private final VisitorSessions visitorSessions;
    private final VisitorChat visitors;
    private final AgentDesk agents;
    private final Supervision supervision;
    private final DeskAdmin admin;
    private final Transfers transfers;
    private final Knowledge knowledge;
    private final DeskReports reports;
    private final IdleBotSweep idleSweep;
    private final GroupCache groups;

    /**
     * @param routingTx transactions of the router, on connections of their own, so a decision never waits behind
     *                  the requests queued for the main pool (the decision-time target; ADR 0010)
     * @param routingLatency told how long each routing decision took (the server's metric)
     * @param embedder  sentence embeddings for the bot (null: BM25 only; see {@link Knowledge})
     * @param assistant a generative model the bot asks when its knowledge base is unsure (null: none; desk.assistant-*)
     */
    public Desk(Stores s, DeskLogs logs, Transactor tx, Transactor routingTx, org.queqiao.desk.routing.RoutingLatency routingLatency, Pushes realtime, DeskDirectory directory, DeskConfig config, GroupHours hours,
                org.queqiao.desk.bot.TextEmbedder embedder, BotAssistant assistant, Clock clock) {
        this.stores = s;
        this.logs = logs;
        this.tx = tx;
        this.timers = new DeskTimers(clock);
        DeskPushes pushes = new DeskPushes(realtime);
        this.groups = new GroupCache(s.setup());
        AgentNames agentNames = new AgentNames(directory, clock);
        DeskAnnouncements announce = new DeskAnnouncements(pushes);
        QueueBroadcaster queues = new QueueBroadcaster(s.routing(), timers, clock, config.queuePushSpacing(), config.etaWindow(), announce);
        announce.queues(queues, s.setup());
        this.routing = new Routing(s.routing(), s.conversations(), routingTx, tx, clock, config.offerTimeout(), announce.assignment(logs, agentNames), announce, announce, timers, routingLatency,
                config.routingThreads());
        Endings endings = new Endings(s.conversations(), groups, s.reports(), hours, config.reportZone(), logs);
        this.handoff = new Handoff(s.conversations(), groups, s.visitors(), logs, tx, routing, queues, timers, hours, pushes, endings, clock);
        DeskAccess access = new DeskAccess(s.setup(), s.conversations());
        Closing closing = new Closing(s.conversations(), s.routing(), s.visitors(), logs, tx, routing, queues, pushes, endings, clock);
        var bm25Settings = new org.queqiao.desk.bot.BotSettings(config.bm25AnswerThreshold(), config.botSuggestThreshold(), config.botMaxFallbacks(), false);
        // BM25's confidence is scaled differently: with desk.bot-retrieval=bm25 its own threshold applies, as while an embedding index is built
        var settings = embedder == null ? bm25Settings
                : new org.queqiao.desk.bot.BotSettings(config.botAnswerThreshold(), config.botSuggestThreshold(), config.botMaxFallbacks(), false);
        this.knowledge = new Knowledge(s.faqs(), tx, embedder, settings, bm25Settings, config.faqMaxRows(), config.faqRefresh(), clock);
        DeskBot bot = new DeskBot(knowledge, s.conversations(), logs, handoff, new UnansweredQuestions(s.faqs(), clock), assistant);
        logs.listen(new DeskEvents(s.conversations(), logs, pushes, bot));
        this.idleSweep = new IdleBotSweep(s.conversations(), closing, timers, config.botIdleClose(), clock);
        this.visitorSessions = new VisitorSessions(s.setup(), s.visitors(), config.visitorTokenTtl(), clock);
        this.visitors = new VisitorChat(s.conversations(), s.setup(), s.visitors(), logs, tx, handoff, closing, bot, s.faqs(),
                new org.queqiao.messaging.SendRateLimit(config.visitorSendRate(), config.visitorSendBurst()), endings, clock);
        this.agents = new AgentDesk(access, s.conversations(), s.setup(), s.notes(), s.visitors(), logs, routing, closing, clock);
        this.transfers = new Transfers(access, s.conversations(), s.setup(), s.routing(), logs, tx, routing, queues, pushes, agentNames, clock);
        this.supervision = new Supervision(access, s.conversations(), s.setup(), logs, tx, transfers, clock);
        this.admin = new DeskAdmin(access, s.setup(), groups, s.conversations(), s.visitors(), directory, tx, routing, new GroupRules(config.maxWait(), GroupHours::check), clock);
        this.reports = new DeskReports(s.reports(), config.reportZone(), access::requireSupervisor);
    }

    public VisitorSessions visitorSessions() { return visitorSessions; }

    public VisitorChat visitors() { return visitors; }

    public AgentDesk agents() { return agents; }

    public Transfers transfers() { return transfers; }

    public Supervision supervision() { return supervision; }

    public DeskAdmin admin() { return admin; }

    /** A skill group as the busy paths read it: at most {@link GroupCache#MAX_AGE} old (for views built on every request). */
    public java.util.Optional<SkillGroup> recentGroup(UUID orgId, UUID groupId) { return groups.group(orgId, groupId); }

    public Knowledge knowledge() { return knowledge; }

    public DeskReports reports() { return reports; }

    /** Re-arms deadlines left by earlier runs (offers, maximum waits) and serves queues that were left waiting. */
    public void start() {
        for (DeskConversation c : stores.conversations().queued()) {
            stores.setup().group(c.orgId(), c.groupId()).ifPresent(g ->
                    timers.at(c.queuedAt().plus(g.maxWait()), () -> handoff.waitedTooLong(c.orgId(), c.id(), g.id())));
        }
        routing.start();
        idleSweep.start();
    }

    /**
     * Offboarding's hook, inside the deactivation transaction: the member's seat is freed and their open
     * conversations go back to the front of their groups' queues (routing runs once it is committed).
     */
    public void offboard(UUID orgId, UUID memberId) {
        if (stores.setup().agent(orgId, memberId).isEmpty()) return;
        for (DeskConversation c : stores.conversations().heldBy(orgId, memberId)) {
            stores.conversations().requeue(c.id(), memberId, c.state());
            logs.find(orgId, c.id()).ifPresent(chat -> logs.removeAgent(chat, memberId));
        }
        stores.setup().setAgentGroups(orgId, memberId, java.util.List.of());
        stores.setup().deleteAgent(orgId, memberId);
        tx.afterCommit(() -> routing.wake(orgId));
    }

    @Override
    public void close() {
        idleSweep.stop();
        routing.close();
        timers.close();
    }
}
