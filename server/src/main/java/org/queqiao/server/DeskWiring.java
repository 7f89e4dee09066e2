package org.queqiao.server;

import org.queqiao.desk.Desk;
import org.queqiao.desk.DeskConfig;
import org.queqiao.desk.DeskDirectory;
import org.queqiao.desk.GroupHours;
import org.queqiao.desk.visitor.VisitorSessions;
import org.queqiao.desk.wire.DeskOps;
import org.queqiao.desk.wire.DeskViews;
import org.queqiao.directory.Member;
import org.queqiao.directory.Organizations;
import org.queqiao.directory.Quotas;
import org.queqiao.gateway.RealtimeGateway;
import org.queqiao.messaging.Messaging;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.config.Config;
import org.queqiao.platform.realtime.RequestHandlers;
import org.queqiao.storage.pg.Db;
import org.queqiao.storage.pg.PgDeskConversationStore;
import org.queqiao.storage.pg.PgDeskSetupStore;
import org.queqiao.storage.pg.PgFaqStore;
import org.queqiao.storage.pg.PgMemberStore;
import org.queqiao.storage.pg.PgNoteStore;
import org.queqiao.storage.pg.PgRoutingStore;
import org.queqiao.storage.pg.PgVisitorStore;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The customer-service desk on its PostgreSQL stores, wired to messaging, the gateway and the directory (ADR 0010). */
final class DeskWiring {
    private DeskWiring() {}

    record Built(Desk desk, DeskViews views) {}

    /**
     * The gateway's authenticator exists before the desk does (the desk pushes through the gateway), so
     * visitor tokens are checked through this late-bound holder.
     */
    static final class Visitors implements TokenAuthenticator {
        private volatile VisitorSessions sessions;

        boolean isVisitorToken(String token) {
            return VisitorSessions.isVisitorToken(token);
        }

        @Override
        public Optional<Principal> authenticate(String token) {
            VisitorSessions s = sessions;
            return s == null ? Optional.empty() : s.authenticate(token);
        }
    }

    static Built build(Config c, Db db, org.queqiao.platform.tx.Transactor routingTx, io.micrometer.core.instrument.MeterRegistry meters, Messaging messaging, RealtimeGateway realtime, RequestHandlers handlers, PgMemberStore members,
                       Organizations organizations, Visitors visitors) {
        var setup = new PgDeskSetupStore(db);
        var faqs = new PgFaqStore(db);
        var stores = new Desk.Stores(setup, new PgDeskConversationStore(db), new PgRoutingStore(db), new PgVisitorStore(db), new PgNoteStore(db), faqs,
                new org.queqiao.storage.pg.PgReportStore(db));
        var hours = new GroupHours();
        Clock clock = Clock.systemUTC();
        var config = DeskConfig.from(c);
        var desk = new Desk(stores, messaging.desk(), db, routingTx, routingLatency(meters), realtime, directory(members, organizations), config, hours,
                // the models load on first use (an organisation's first FAQs), not with the server
                config.embeddings() ? texts -> org.queqiao.desk.bot.BgeEmbedder.shared().embed(texts) : null, assistant(config, meters), clock);
        visitors.sessions = desk.visitorSessions();
        var views = new DeskViews(hours, (org, group) -> desk.recentGroup(org, group).orElse(null), clock);
        DeskOps.register(handlers, desk, views);
        return new Built(desk, views);
    }

    /** {@code queqiao_desk_routing_decision_seconds}: from the event a routing pass served to its commit, per conversation handed out. */
    private static org.queqiao.desk.routing.RoutingLatency routingLatency(io.micrometer.core.instrument.MeterRegistry meters) {
        var timer = io.micrometer.core.instrument.Timer.builder("queqiao.desk.routing.decision")
                .description("Time from a routing event (conversation queued, slot freed, agent online) to the commit of the assignment it led to")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1)).maximumExpectedValue(java.time.Duration.ofSeconds(30))
                .register(meters);
        return (nanos, decisions) -> {
            for (int i = 0; i < decisions; i++) timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        };
    }

    /**
     * The bot's generative assistant when desk.assistant-url is set, with {@code queqiao_desk_assistant_replies_total{outcome}}
     * and {@code queqiao_desk_assistant_seconds}; null otherwise.
     */
    private static org.queqiao.desk.BotAssistant assistant(DeskConfig config, io.micrometer.core.instrument.MeterRegistry meters) {
        if (config.assistant() == null) return null;
        var timer = io.micrometer.core.instrument.Timer.builder("queqiao.desk.assistant")
                .description("Time the bot's generative assistant took to reply (answered, declined or failed)")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(10)).maximumExpectedValue(java.time.Duration.ofSeconds(60))
                .register(meters);
        org.slf4j.LoggerFactory.getLogger(DeskWiring.class).info("the desk bot asks {} when unsure", config.assistant());
        return new org.queqiao.desk.assistant.OpenAiCompatibleAssistant(config.assistant(), (outcome, nanos) -> {
            meters.counter("queqiao.desk.assistant.replies", "outcome", outcome).increment();
            if (!outcome.equals("busy")) timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
    }

    private static DeskDirectory directory(PgMemberStore members, Organizations organizations) {
        return new DeskDirectory() {
            @Override
            public boolean isActiveMember(UUID orgId, UUID memberId) {
                return members.find(orgId, memberId).filter(Member::isActive).isPresent();
            }

            @Override
            public java.util.Optional<String> name(UUID orgId, UUID memberId) {
                return members.find(orgId, memberId).map(Member::name);
            }

            @Override
            public Seats agentSeats(UUID orgId) {
                var plan = organizations.planOf(orgId);
                return new Seats(plan.limit(Quotas.AGENT_SEATS), plan.id());
            }
        };
    }
}
