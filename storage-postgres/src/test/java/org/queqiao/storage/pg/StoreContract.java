package org.queqiao.storage.pg;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queqiao.directory.Department;
import org.queqiao.directory.Invitation;
import org.queqiao.directory.Member;
import org.queqiao.directory.MemberQuery;
import org.queqiao.directory.MemberStatus;
import org.queqiao.directory.Organization;
import org.queqiao.identity.Session;
import org.queqiao.messaging.ChatRole;
import org.queqiao.messaging.Conversation;
import org.queqiao.messaging.ConversationKind;
import org.queqiao.messaging.EntryKind;
import org.queqiao.messaging.MessageBody;
import org.queqiao.messaging.NewEntry;
import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.idempotency.IdempotencyStore;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every PostgreSQL we run on must do for the stores: the embedded server and the machine's own
 * server both pass this one suite.
 */
abstract class StoreContract {
    abstract Database database();

    Db db;
    PgOrganizationStore orgs;
    PgMemberStore members;
    PgDepartmentStore departments;
    PgInvitationStore invitations;
    PgSessionStore sessions;
    PgIdempotencyStore idempotency;
    UUID org;

    @BeforeEach
    void setUp() {
        db = database().db();
        orgs = new PgOrganizationStore(db);
        members = new PgMemberStore(db);
        departments = new PgDepartmentStore(db);
        invitations = new PgInvitationStore(db);
        sessions = new PgSessionStore(db);
        idempotency = new PgIdempotencyStore(db);
        org = newOrg();
    }

    UUID newOrg() {
        UUID id = Ids.newId();
        orgs.insert(new Organization(id, "Org " + id, "free", Instant.now()));
        return id;
    }

    Member member(UUID orgId, String name, String email, List<UUID> depts) {
        return new Member(Ids.newId(), orgId, name, email, null, null, null, Role.MEMBER, MemberStatus.ACTIVE, depts, Instant.now());
    }

    static String email(String local) {
        return local + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    Page<Member> search(UUID orgId, String q, String cursor, int limit) {
        return members.search(new MemberQuery(orgId, q, null, MemberStatus.ACTIVE, PageRequest.parse(cursor, String.valueOf(limit))));
    }

    @Test
    void plansAreSeededWithTheFreeQuotas() {
        assertThat(orgs.plans()).extracting(p -> p.id()).containsExactly("free", "standard", "enterprise");
        var free = orgs.plan("free").orElseThrow();
        assertThat(free.limit("meetingCapacity")).isEqualTo(100);
        assertThat(free.limit("agentSeats")).isEqualTo(2);
    }

    @Test
    void searchFindsTwoCharacterChineseNamesAndSubstringsOfEmail() {
        String zhang = email("zhangwei");
        members.insertAll(List.of(member(org, "张伟", zhang, List.of()), member(org, "张伟明", email("second"), List.of()),
                member(org, "李娜", email("lina"), List.of())));
        assertThat(search(org, "张伟", null, 50).items()).extracting(Member::name).containsExactlyInAnyOrder("张伟", "张伟明");
        assertThat(search(org, "张", null, 50).items()).hasSize(2);
        assertThat(search(org, "伟明", null, 50).items()).extracting(Member::name).containsExactly("张伟明");
        assertThat(search(org, zhang.substring(3, 12).toUpperCase(), null, 50).items()).extracting(Member::email).containsExactly(zhang);
        assertThat(search(org, "王", null, 50).items()).isEmpty();
        assertThat(search(org, "zhangwei", null, 50).items()).as("pinyin").extracting(Member::name).containsExactlyInAnyOrder("张伟", "张伟明");
        assertThat(search(org, "zwm", null, 50).items()).as("initials").extracting(Member::name).containsExactly("张伟明");
        assertThat(search(org, "伟", null, 50).items()).as("one character matches the start of a name").isEmpty();
        assertThat(search(org, "example", null, 50).items()).as("the shared e-mail domain is not searchable").isEmpty();
    }

    @Test
    void searchFindsRareMatchesBeyondTheNameOrderWalkAndPagesCommonOnesInOrder() {
        List<Member> batch = new ArrayList<>();
        for (int i = 0; i < PgMemberSearch.WALK_BUDGET + 200; i++) batch.add(member(org, String.format("Aa %05d li", i), email("m" + i), List.of()));
        batch.add(member(org, "Zz 欧阳娜娜", email("rare"), List.of()));
        batch.add(member(org, "Zz 欧阳娜", email("rare2"), List.of()));
        members.insertAll(batch);
        assertThat(search(org, "欧阳娜", null, 20).items()).as("found by the pair index after the walk").extracting(Member::name)
                .containsExactly("Zz 欧阳娜", "Zz 欧阳娜娜");
        Page<Member> first = search(org, "li", null, 20);
        assertThat(first.items()).hasSize(20).extracting(Member::name).isSorted().startsWith("Aa 00000 li").endsWith("Aa 00019 li");
        Page<Member> second = search(org, "li", first.nextCursor(), 20);
        assertThat(second.items().get(0).name()).isEqualTo("Aa 00020 li");
    }

    @Test
    void searchNeverCrossesOrganisations() {
        UUID other = newOrg();
        members.insert(member(other, "张伟", email("other"), List.of()));
        members.insert(member(org, "张伟", email("mine"), List.of()));
        assertThat(search(org, "张伟", null, 50).items()).extracting(Member::orgId).containsOnly(org);
        assertThat(members.find(org, search(other, "张伟", null, 50).items().get(0).id())).isEmpty();
    }

    @Test
    void cursorPagingVisitsEveryMemberOnceInNameOrder() {
        List<Member> batch = new ArrayList<>();
        for (int i = 0; i < 57; i++) batch.add(member(org, (i % 3 == 0 ? "Same" : "Name " + i), email("p" + i), List.of()));
        members.insertAll(batch);
        Set<UUID> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Member> p = search(org, null, cursor, 10);
            p.items().forEach(m -> assertThat(seen.add(m.id())).as("no duplicates").isTrue());
            p.items().forEach(m -> names.add(m.name().toLowerCase()));
            cursor = p.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(seen).hasSize(57);
        assertThat(names).isSorted();
    }

    @Test
    void oneActiveAccountPerEmailAcrossTheDeployment() {
        String e = email("dup");
        members.insert(member(org, "A", e, List.of()));
        UUID other = newOrg();
        assertThatThrownBy(() -> members.insert(member(other, "B", e.toUpperCase(), List.of())))
                .isInstanceOf(ProblemException.class).extracting("code").isEqualTo("email_taken");
        Member first = members.findActiveByEmail(e).orElseThrow();
        members.deactivate(org, first.id(), Instant.now());
        members.insert(member(other, "B", e, List.of()));
        assertThat(members.findActiveByEmail(e).orElseThrow().orgId()).isEqualTo(other);
    }

    @Test
    void departmentCountsAndMembershipLinks() {
        Department parent = new Department(Ids.newId(), org, null, "Teaching", 0, 0, Instant.now());
        Department child = new Department(Ids.newId(), org, parent.id(), "Grade 1", 0, 0, Instant.now());
        departments.insert(parent);
        departments.insert(child);
        Member m = member(org, "Wang", email("wang"), List.of(child.id(), parent.id()));
        members.insert(m);
        assertThat(departments.find(org, parent.id()).orElseThrow().childCount()).isEqualTo(1);
        assertThat(departments.find(org, child.id()).orElseThrow().memberCount()).isEqualTo(1);
        assertThat(members.find(org, m.id()).orElseThrow().departmentIds()).containsExactlyInAnyOrder(parent.id(), child.id());
        assertThat(departments.existing(newOrg(), List.of(parent.id()))).isEmpty();
        members.deactivate(org, m.id(), Instant.now());
        assertThat(departments.find(org, child.id()).orElseThrow().memberCount()).isZero();
        assertThatThrownBy(() -> departments.insert(new Department(Ids.newId(), org, null, "TEACHING", 0, 0, Instant.now())))
                .isInstanceOf(ProblemException.class).extracting("code").isEqualTo("department_name_taken");
    }

    @Test
    void invitationUsesNeverExceedTheLimitUnderConcurrency() throws Exception {
        Member admin = member(org, "Admin", email("admin"), List.of());
        members.insert(admin);
        Invitation inv = new Invitation(Ids.newId(), org, "CODE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), Role.MEMBER,
                admin.id(), Instant.now(), Instant.now().plus(Duration.ofHours(1)), 3, 0, null);
        invitations.insert(inv);
        int granted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 20; i++) tries.add(pool.submit(() -> invitations.consumeUse(inv.id(), Instant.now())));
            for (Future<Boolean> f : tries) if (f.get()) granted++;
        }
        assertThat(granted).isEqualTo(3);
        assertThat(invitations.revoke(newOrg(), inv.id(), Instant.now())).as("another org cannot revoke it").isFalse();
    }

    @Test
    void liveSessionsExcludeRevokedExpiredAndDeactivated() {
        Member m = member(org, "S", email("s"), List.of());
        members.insert(m);
        Instant now = Instant.now();
        byte[] live = randomHash(), expired = randomHash(), revoked = randomHash();
        sessions.insert(session(m, now.plusSeconds(3600)), live);
        sessions.insert(session(m, now.minusSeconds(1)), expired);
        Session r = session(m, now.plusSeconds(3600));
        sessions.insert(r, revoked);
        assertThat(sessions.revoke(m.id(), r.id(), now)).isTrue();
        assertThat(sessions.findLive(live, now)).isPresent().get().extracting(l -> l.role()).isEqualTo(Role.MEMBER);
        assertThat(sessions.findLive(expired, now)).isEmpty();
        assertThat(sessions.findLive(revoked, now)).isEmpty();
        assertThat(sessions.listLive(m.id(), now)).extracting(Session::expiresAt).hasSize(1);
        members.deactivate(org, m.id(), now);
        assertThat(sessions.findLive(live, now)).as("a deactivated member's token stops working at once").isEmpty();
        assertThat(sessions.revokeAll(m.id(), null, now)).hasSize(1);
    }

    @Test
    void idempotencyKeysAreClaimedOnceAndReplayed() {
        UUID caller = Ids.newId();
        assertThat(idempotency.claim(caller, "k1", "h")).isEmpty();
        IdempotencyStore.Recorded pending = idempotency.claim(caller, "k1", "h").orElseThrow();
        assertThat(pending.status()).isNull();
        idempotency.complete(caller, "k1", 201, "{\"id\":1}");
        assertThat(idempotency.claim(caller, "k1", "h").orElseThrow().body()).isEqualTo("{\"id\":1}");
        assertThat(idempotency.claim(Ids.newId(), "k1", "h")).as("keys are per caller").isEmpty();
        assertThat(idempotency.claim(caller, "k2", "h")).isEmpty();
        idempotency.release(caller, "k2");
        assertThat(idempotency.claim(caller, "k2", "h")).as("a released key can be used again").isEmpty();
    }

    /**
     * The desk router's transactions run on connections of their own: with every connection of the main
     * pool held (a backlog of requests), they and what runs after their commit still get through at once,
     * and every store call inside joins the one transaction.
     */
    @Test
    void reservedTransactionsDoNotWaitForTheMainPool() throws Exception {
        var reserved = database().reserved("contract-" + org, 1);
        int held = 8; // TestDatabases' pool size
        var holding = new java.util.concurrent.CountDownLatch(held);
        var release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(held);
        try {
            for (int i = 0; i < held; i++) {
                pool.submit(openTransaction(() -> db.use(h -> h.createQuery("select 1").mapTo(Integer.class).one()), holding, release));
            }
            assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            String[] afterCommit = new String[1];
            List<Integer> pids = reserved.inTransaction(() -> {
                reserved.afterCommit(() -> afterCommit[0] = orgs.find(org).orElseThrow().name());
                return List.of(db.with(h -> h.createQuery("select pg_backend_pid()").mapTo(Integer.class).one()),
                        db.with(h -> h.createQuery("select pg_backend_pid()").mapTo(Integer.class).one()));
            });
            assertThat(pids.get(0)).as("store calls join the reserved transaction").isEqualTo(pids.get(1));
            assertThat(afterCommit[0]).as("after commit, reads use the reserved pool too").isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Queue places are stamped under the organisation's queue-order lock: a second stamper of the same
     * organisation waits until the first commits (so stamps follow commit order); another organisation's does not.
     */
    @Test
    void queueOrderLockIsHeldUntilCommitAndPerOrganisation() throws Exception {
        var queues = new PgDeskConversationStore(db);
        var firstHolds = new java.util.concurrent.CountDownLatch(1);
        var commitFirst = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = pool.submit(openTransaction(() -> queues.holdQueueOrder(org), firstHolds, commitFirst));
            assertThat(firstHolds.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Future<Long> sameOrg = pool.submit(() -> db.inTransaction(() -> {
                queues.holdQueueOrder(org);
                return System.nanoTime();
            }));
            pool.submit(() -> db.run(() -> queues.holdQueueOrder(newOrg()))).get(5, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(300);
            assertThat(sameOrg).as("the same organisation's stamper waits for the holder's commit").isNotDone();
            long released = System.nanoTime();
            commitFirst.countDown();
            first.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(sameOrg.get(5, java.util.concurrent.TimeUnit.SECONDS)).isGreaterThan(released);
        } finally {
            commitFirst.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The search index takes words as they come, without GIN's pending list, whose flush stalled chat (V12, ADR 0008). */
    @Test
    void theMessageSearchIndexHasNoPendingList() {
        String options = db.with(h -> h.createQuery("select array_to_string(reloptions, ',') from pg_class where relname = 'message_search_tsv'")
                .mapTo(String.class).one());
        assertThat(options).contains("fastupdate=off");
    }

    /**
     * The chat writer's statements have a form for one entry (plain parameters, a cached plan) and one
     * for a batch (arrays): both number, mark the sender's read position, queue for search and refuse a
     * resend alike, and read seats alike.
     */
    @Test
    void appendingOneEntryOrABatchNumbersAndChecksAlike() {
        var conversations = new PgConversationStore(db);
        var log = new PgMessageStore(db);
        Member a = member(org, "A", email("a"), List.of()), b = member(org, "B", email("b"), List.of());
        members.insertAll(List.of(a, b));
        Instant at = Instant.now();
        UUID chat = Ids.newId(), other = Ids.newId();
        for (UUID c : List.of(chat, other)) {
            conversations.insert(new Conversation(c, org, ConversationKind.GROUP, "g", null, null, null,
                    0, 0, at, a.id(), at, null));
            conversations.addMembers(org, c, List.of(a.id(), b.id()), ChatRole.MEMBER, 0, at);
        }
        java.util.function.BiFunction<UUID, String, NewEntry> text = (c, cmid) -> new NewEntry(
                Ids.newId(), org, c, a.id(), cmid, EntryKind.TEXT, MessageBody.text(cmid), null, at);

        // as the chat writer does: a refused append rolls its transaction back
        java.util.function.Function<List<NewEntry>, Optional<List<Long>>> append = entries -> {
            try {
                return Optional.of(db.inTransaction(() -> log.appendAll(entries).orElseThrow(Refused::new)));
            } catch (Refused e) {
                return Optional.empty();
            }
        };
        assertThat(append.apply(List.of(text.apply(chat, "one")))).contains(List.of(1L));
        assertThat(append.apply(List.of(text.apply(chat, "two"), text.apply(other, "x"), text.apply(chat, "three")))).contains(List.of(2L, 1L, 3L));
        assertThat(append.apply(List.of(text.apply(chat, "one")))).as("a resend of one").isEmpty();
        assertThat(append.apply(List.of(text.apply(chat, "five"), text.apply(chat, "two")))).as("a resend in a batch").isEmpty();
        assertThat(append.apply(List.of(text.apply(Ids.newId(), "nowhere")))).as("no such conversation").isEmpty();
        assertThat(append.apply(List.of(text.apply(chat, "four")))).contains(List.of(4L));

        assertThat(log.oldestAfter(chat, 0, 10)).extracting(e -> e.body().text()).containsExactly("one", "two", "three", "four");
        assertThat(conversations.find(org, chat).orElseThrow().lastSeq()).isEqualTo(4);
        assertThat(conversations.membership(chat, a.id()).orElseThrow().readSeq()).as("the sender has read what it sent").isEqualTo(4);
        assertThat(conversations.membership(chat, b.id()).orElseThrow().readSeq()).isZero();
        assertThat((int) db.with(h -> h.createQuery("select count(*) from search_queue where conversation_id = :c").bind("c", chat).mapTo(Integer.class).one()))
                .as("queued for search").isEqualTo(4);

        var one = new ConversationStore.SeatKey(org, chat, b.id());
        var two = new ConversationStore.SeatKey(org, other, a.id());
        var strangers = new ConversationStore.SeatKey(newOrg(), chat, b.id());
        var single = conversations.seats(List.of(one));
        var batch = conversations.seats(List.of(one, two));
        assertThat(single).containsOnlyKeys(one);
        assertThat(batch).containsOnlyKeys(one, two);
        assertThat(single.get(one)).isEqualTo(batch.get(one));
        assertThat(single.get(one).membership().memberId()).isEqualTo(b.id());
        assertThat(conversations.seats(List.of(strangers))).as("another organisation's key finds nothing").isEmpty();

        var membersOfOne = conversations.memberIds(List.of(chat));
        assertThat(membersOfOne).containsOnlyKeys(chat);
        assertThat(membersOfOne.get(chat)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(conversations.memberIds(List.of(chat, other)).get(chat)).containsExactlyInAnyOrderElementsOf(membersOfOne.get(chat));
        assertThat(conversations.memberIds(List.of(Ids.newId()))).isEmpty();
    }

    /**
     * A transaction that does {@code work}, says so on {@code started}, and stays open (holding its
     * connection and its locks) until {@code commit} is counted down.
     */
    Runnable openTransaction(Runnable work, java.util.concurrent.CountDownLatch started, java.util.concurrent.CountDownLatch commit) {
        return () -> db.run(() -> {
            work.run();
            started.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static final class Refused extends RuntimeException {}

    private Session session(Member m, Instant expires) {
        Instant now = Instant.now();
        return new Session(Ids.newId(), m.orgId(), m.id(), "test", "127.0.0.1", "junit", now, now, expires, null);
    }

    private static byte[] randomHash() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }
}
