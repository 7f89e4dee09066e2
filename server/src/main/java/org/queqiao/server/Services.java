package org.queqiao.server;

import org.queqiao.directory.DepartmentTree;
import org.queqiao.directory.Invitations;
import org.queqiao.directory.MemberDirectory;
import org.queqiao.directory.MembershipListeners;
import org.queqiao.directory.Organizations;
import org.queqiao.directory.csv.MemberCsvParser;
import org.queqiao.directory.csv.MemberImport;
import org.queqiao.gateway.RealtimeGateway;
import org.queqiao.http.ApiServices;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.queqiao.messaging.BatchObserver;
import org.queqiao.messaging.ChatSettings;
import org.queqiao.messaging.Messaging;
import org.queqiao.messaging.TextFilter;
import org.queqiao.messaging.wire.ChatOps;
import org.queqiao.messaging.EntryKind;
import org.queqiao.messaging.SendRequest;
import org.queqiao.meetings.MeetingDirectory;
import org.queqiao.meetings.Meetings;
import org.queqiao.meetings.MeetingsConfig;
import org.queqiao.meetings.guest.GuestSessions;
import org.queqiao.meetings.guest.GuestTokens;
import org.queqiao.meetings.wire.MeetingOps;
import org.queqiao.server.media.MediaNode;
import org.queqiao.server.media.MediaOps;
import org.queqiao.storage.pg.PgAttendanceStore;
import org.queqiao.storage.pg.PgGuestStore;
import org.queqiao.storage.pg.PgMeetingStore;
import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.realtime.RequestHandlers;
import org.queqiao.messaging.notice.UrgentNotices;
import org.queqiao.messaging.compliance.ChatExport;
import org.queqiao.messaging.compliance.ChatPolicies;
import org.queqiao.messaging.compliance.PolicyTextFilter;
import org.queqiao.messaging.compliance.RetentionJob;
import org.queqiao.storage.pg.PgChatPolicyStore;
import org.queqiao.storage.pg.PgSearchStore;
import org.queqiao.messaging.search.MessageSearch;
import org.queqiao.messaging.search.SearchIndexer;
import org.queqiao.search.TextSegmenter;
import org.queqiao.platform.blob.FileSystemBlobStore;
import org.queqiao.storage.pg.PgConversationStore;
import org.queqiao.storage.pg.PgNoticeStore;
import org.queqiao.storage.pg.PgMessageStore;
import org.queqiao.identity.Accounts;
import org.queqiao.identity.Activations;
import org.queqiao.identity.Offboarding;
import org.queqiao.identity.PasswordHasher;
import org.queqiao.identity.PasswordPolicy;
import org.queqiao.identity.SessionPolicy;
import org.queqiao.identity.Sessions;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.config.Config;
import org.queqiao.storage.pg.Database;
import org.queqiao.storage.pg.Db;
import org.queqiao.storage.pg.PgAuditLog;
import org.queqiao.storage.pg.PgCredentialStore;
import org.queqiao.storage.pg.PgDepartmentStore;
import org.queqiao.storage.pg.PgIdempotencyStore;
import org.queqiao.storage.pg.PgInvitationStore;
import org.queqiao.storage.pg.PgMemberStore;
import org.queqiao.storage.pg.PgOrganizationStore;
import org.queqiao.storage.pg.PgSessionStore;

import java.time.Clock;
import java.util.List;

/** Builds the domain services on the PostgreSQL stores: the whole object graph, in one readable place. */
final class Services {
    private Services() {}

    /**
     * @param gateway builds the realtime gateway once the token authenticator exists; messaging
     *                pushes through it and registers its realtime operations on it
     */
    static Built build(Config c, Database database, EventBus bus, MeterRegistry meters, RealtimeGatewayFactory gateway) {
        Db db = database.db();
        var orgs = new PgOrganizationStore(db);
        var members = new PgMemberStore(db);
        var departments = new PgDepartmentStore(db);
        var invitationStore = new PgInvitationStore(db);
        var audit = new PgAuditLog(db);
        var hasher = new PasswordHasher(c.integer("password.argon2-memory-kib"), c.integer("password.argon2-iterations"),
                c.integer("password.argon2-parallelism"));
        var policy = new SessionPolicy(c.duration("session.idle-timeout"), c.duration("session.max-lifetime"), c.integer("login.max-failures"),
                c.duration("login.lockout"), c.integer("login.max-failures-per-ip-per-minute"), c.integer("password.min-length"));

        var membershipListeners = new MembershipListeners();
        var directory = new MemberDirectory(members, departments, orgs, audit, db, membershipListeners);
        var tree = new DepartmentTree(departments, orgs, audit, db);
        var invitations = new Invitations(invitationStore, orgs, audit, db);
        var organizations = new Organizations(orgs, members, audit);
        var memberImport = new MemberImport(new MemberCsvParser(c.integer("import.max-rows")), members, departments, orgs, audit, db, membershipListeners);
        var sessions = new Sessions(new PgSessionStore(db), new PgCredentialStore(db), directory, hasher, policy, bus);
        var accounts = new Accounts(orgs, directory, invitations, new PgCredentialStore(db), sessions, hasher,
                new PasswordPolicy(policy.minPasswordLength()), audit, db, c.bool("signup.enabled"), c.string("signup.default-plan"));
        var handlers = new RequestHandlers();
        var meetingStore = new PgMeetingStore(db);
        var guestStore = new PgGuestStore(db);
        var meetingsConfig = MeetingsConfig.from(c);
        var passcodeThrottle = Meetings.throttle(meetingsConfig);
        var guestSessions = new GuestSessions(guestStore, meetingStore, passcodeThrottle, meetingsConfig.guestTokenTtl(), Clock.systemUTC());
        // the realtime gateway also admits meeting guests (their tokens have their own prefix); the HTTP API does not
        DeskWiring.Visitors deskVisitors = new DeskWiring.Visitors();
        TokenAuthenticator realtimeAuth = token -> GuestTokens.isGuestToken(token) ? guestSessions.authenticate(token)
                : deskVisitors.isVisitorToken(token) ? deskVisitors.authenticate(token) : sessions.authenticate(token);
        RealtimeGateway realtime = gateway.create(realtimeAuth, handlers);
        var policyStore = new PgChatPolicyStore(db);
        var wordFilter = new PolicyTextFilter(policyStore);
        // a policy change reaches every node's filter at once (each also rebuilds within a minute on its own)
        bus.subscribe(POLICY_CHANGED, e -> wordFilter.invalidate(java.util.UUID.fromString(e.payload())));
        var chatPolicies = new ChatPolicies(policyStore, audit, Clock.systemUTC(), orgId -> bus.publish(POLICY_CHANGED, orgId.toString()));
        var conversationStore = new PgConversationStore(db);
        var messageStore = new PgMessageStore(db);
        var analyzer = new SegmenterAnalyzer(new TextSegmenter());
        var searchStore = new PgSearchStore(db);
        var indexer = new SearchIndexer(searchStore, analyzer, db, c.integer("chat.search-index-rate"));
        var messaging = new Messaging(conversationStore, messageStore, db, realtime, audit, ChatSettings.from(c),
                wordFilter, Clock.systemUTC(), chatBatchObserver(meters, indexer::wake),
                new FileSystemBlobStore(java.nio.file.Path.of(c.string("data.dir")).toAbsolutePath().resolve("files")));
        ChatOps.register(handlers, messaging);
        membershipListeners.register(messaging::directoryChanged);
        var search = new MessageSearch(searchStore, analyzer);
        handlers.register("chat.search", (p, d) -> {
            var f = org.queqiao.platform.json.JsonFields.of(d);
            Integer limit = f.integer("limit");
            return search.search(p, f.string("q"), f.id("conversationId"),
                    org.queqiao.platform.page.PageRequest.parse(f.string("cursor"), limit == null ? null : limit.toString()));
        });
        var retention = new RetentionJob(policyStore, Clock.systemUTC(), c.duration("chat.retention-interval"));
        var notices = new UrgentNotices(new PgNoticeStore(db), realtime, audit, db, c.integer("chat.urgent-max-recipients"),
                c.integer("chat.max-text-chars"), Clock.systemUTC());
        var media = MediaNode.start(c, realtime, meters);
        var meetings = new Meetings(meetingStore, new PgAttendanceStore(db), guestStore, guestSessions, meetingDirectory(members, organizations),
                (p, conversationId, clientMsgId, card) -> messaging.log().send(p, conversationId,
                        new SendRequest(clientMsgId, EntryKind.CARD, null, null, false, null, card)),
                media.meetings(), realtime, db, meetingsConfig, passcodeThrottle, Clock.systemUTC());
        MeetingOps.register(handlers, meetings.live());
        media.meetings().attach(meetings.live());
        MediaOps.register(handlers, media.meetings());
        realtime.addConnectionListener(meetings.live()::deviceDisconnected);
        meetings.followDeactivations(bus);
        var desk = DeskWiring.build(c, db, database.reserved("routing", c.integer("db.routing-connections")), meters, messaging, realtime, handlers, members, organizations, deskVisitors);
        var offboarding = new Offboarding(directory, members, orgs, sessions,
                List.of(invitationStore::reassignCreator, messaging::offboard, meetings::handover, (org, member, heir) -> {
                    desk.desk().offboard(org, member);
                    return 0;
                }), audit, db, bus);
        var activations = new Activations(new PgCredentialStore(db), directory, sessions, hasher, new PasswordPolicy(policy.minPasswordLength()),
                audit, c.duration("activation.ttl"), policy.maxFailuresPerIpPerMinute());
        return new Built(new ApiServices(accounts, sessions, offboarding, directory, tree, memberImport, invitations, organizations, audit,
                new PgIdempotencyStore(db), activations, messaging, notices, chatPolicies,
                new ChatExport(conversationStore, messageStore, audit), search, meetings, desk.desk(), desk.views()), realtime,
                List.of(BackgroundJob.of(retention::start, retention::close), BackgroundJob.of(indexer::start, indexer::close),
                        BackgroundJob.of(() -> { }, media::close), BackgroundJob.of(desk.desk()::start, desk.desk()::close)));
    }

    /** What meetings need from the directory: names, the plan's meeting capacity, the organisation's name. */
    private static MeetingDirectory meetingDirectory(PgMemberStore members, Organizations organizations) {
        return new MeetingDirectory() {
            @Override
            public java.util.Optional<String> activeMemberName(java.util.UUID orgId, java.util.UUID memberId) {
                return members.find(orgId, memberId).filter(org.queqiao.directory.Member::isActive).map(org.queqiao.directory.Member::name);
            }

            @Override
            public Capacity meetingCapacity(java.util.UUID orgId) {
                var plan = organizations.planOf(orgId);
                return new Capacity(plan.limit(org.queqiao.directory.Quotas.MEETING_CAPACITY), plan.id());
            }

            @Override
            public String organizationName(java.util.UUID orgId) {
                return organizations.byId(orgId).name();
            }
        };
    }

    /** Group-commit batches: each committed one runs {@code committed} (wakes the search indexer); their sizes, times and rewrites become metrics. */
    private static BatchObserver chatBatchObserver(MeterRegistry meters, Runnable committed) {
        DistributionSummary size = DistributionSummary.builder("queqiao.chat.batch.size").description("Entries stored per group-commit batch")
                .publishPercentileHistogram().register(meters);
        Timer time = Timer.builder("queqiao.chat.batch.duration").description("Time to store one group-commit batch and push its entries")
                .publishPercentileHistogram().register(meters);
        Counter rewrites = Counter.builder("queqiao.chat.batch.rewrites")
                .description("Batches rolled back and written again because they held a resend (a client message id already stored)").register(meters);
        return new BatchObserver() {
            @Override
            public void batchWritten(int n, long nanos) {
                committed.run();
                size.record(n);
                time.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            }

            @Override
            public void batchRewrittenForResend() {
                rewrites.increment();
            }
        };
    }

    /** {@code jobs}: background work started with the node and stopped before the database closes. */
    record Built(ApiServices api, RealtimeGateway gateway, List<BackgroundJob> jobs) {}

    static final String POLICY_CHANGED = "chat.policy-changed";

    @FunctionalInterface
    interface RealtimeGatewayFactory {
        RealtimeGateway create(TokenAuthenticator authenticator, RequestHandlers handlers);
    }
}
