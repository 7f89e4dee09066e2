package org.queqiao.desk;

import org.queqiao.desk.bot.BotDecision;
import org.queqiao.desk.bot.BotPolicy;
import org.queqiao.desk.bot.BotSettings;
import org.queqiao.desk.bot.FaqCsv;
import org.queqiao.desk.bot.FaqCsvError;
import org.queqiao.desk.bot.FaqCsvResult;
import org.queqiao.desk.bot.FaqEntry;
import org.queqiao.desk.bot.KnowledgeBase;
import org.queqiao.desk.bot.RetrievalTuning;
import org.queqiao.desk.bot.TextEmbedder;
import org.queqiao.desk.store.FaqStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation's knowledge base: admins edit FAQs or import them from CSV (all rows or none), the
 * bot answers from an index of them. Each organisation's index is built on first use and rebuilt when
 * this node changes the FAQs; other nodes of a cluster rebuild within {@code refresh}.
 *
 * <p>With an embedder (desk.bot-retrieval=hybrid) the bot ranks by sentence embeddings, which on the
 * development set answers 72 % of questions at 95 % precision against BM25's 4 % (bench/desk-bot.sh).
 * Embedding a knowledge base takes seconds, so that index is built in the background; until it is
 * ready the organisation is served from BM25 (built in milliseconds) with BM25's thresholds.
 */
public final class Knowledge implements BotBrain {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Knowledge.class);
    static final int MAX_ALTERNATIVES = 20;

    private final FaqStore faqs;
    private final Transactor tx;
    private final BotSettings settings;
    private final BotSettings bm25Settings;
    private final TextEmbedder embedder;
    private final FaqCsv csv;
    private final Duration refresh;
    private final Clock clock;
    private final Map<UUID, Loaded> byOrg = new ConcurrentHashMap<>();

    /**
     * An organisation's indexes (each updated in place, so only changed FAQs are embedded again), when
     * they were last read, and whether the embedding index is ready.
     */
    private record Loaded(KnowledgeBase bm25, BotPolicy bm25Policy, KnowledgeBase hybrid, BotPolicy hybridPolicy, Instant at,
                          java.util.concurrent.atomic.AtomicBoolean hybridReady) {
        BotPolicy policy() {
            return hybridReady.get() ? hybridPolicy : bm25Policy;
        }
    }

    /**
     * @param embedder    null: BM25 only
     * @param settings    the thresholds for the embedding index (or for BM25 when there is no embedder)
     * @param bm25Settings the thresholds while the embedding index is being built
     */
    public Knowledge(FaqStore faqs, Transactor tx, TextEmbedder embedder, BotSettings settings, BotSettings bm25Settings, int maxCsvRows,
                     Duration refresh, Clock clock) {
        this.faqs = faqs;
        this.tx = tx;
        this.embedder = embedder;
        this.settings = settings;
        this.bm25Settings = bm25Settings;
        this.csv = new FaqCsv(maxCsvRows);
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public Reply reply(UUID orgId, String text, int fallbacksInARow) {
        return switch (policy(orgId).decide(text, fallbacksInARow)) {
            case BotDecision.Answer a -> new Reply(Kind.ANSWER, a.entry().id(), a.entry().answer(), a.confidence(), List.of(), null, List.of());
            case BotDecision.Suggest s -> new Reply(Kind.SUGGEST, null, null, s.confidence(),
                    s.entries().stream().map(e -> new Suggestion(e.id(), e.question())).toList(), null, sources(s.closest()));
            case BotDecision.Fallback f -> new Reply(Kind.FALLBACK, null, null, f.confidence(), List.of(), null, sources(f.closest()));
            case BotDecision.Handoff h -> new Reply(Kind.HANDOFF, null, null, 0, List.of(), h.reason().wire(), List.of());
        };
    }

    private static List<Source> sources(List<FaqEntry> entries) {
        return entries.stream().map(e -> new Source(e.id(), e.question(), e.answer())).toList();
    }

    public List<FaqStore.Faq> list(Principal p) {
        requireAdmin(p);
        return faqs.all(p.orgId());
    }

    public FaqStore.Faq create(Principal p, String question, List<String> alternatives, String answer, String category) {
        requireAdmin(p);
        Instant now = clock.instant();
        FaqStore.Faq f = faq(Ids.newId(), p.orgId(), question, alternatives, answer, category, now, now);
        if (!faqs.insert(f)) throw duplicate();
        changed(p.orgId());
        return f;
    }

    public FaqStore.Faq update(Principal p, UUID id, String question, List<String> alternatives, String answer, String category) {
        requireAdmin(p);
        FaqStore.Faq old = faqs.find(p.orgId(), id).orElseThrow(() -> ProblemException.notFound("FAQ"));
        FaqStore.Faq f = faq(id, p.orgId(), question == null ? old.question() : question, alternatives == null ? old.alternatives() : alternatives,
                answer == null ? old.answer() : answer, category == null ? old.category() : category, old.createdAt(), clock.instant());
        if (!faqs.update(f)) throw duplicate();
        changed(p.orgId());
        return f;
    }

    public void delete(Principal p, UUID id) {
        requireAdmin(p);
        if (!faqs.delete(p.orgId(), id)) throw ProblemException.notFound("FAQ");
        changed(p.orgId());
    }

    /** Adds every row of the file, or none: a row whose question exists already is an error too. @return how many were added */
    public int importCsv(Principal p, String text) {
        requireAdmin(p);
        FaqCsvResult parsed = csv.parse(text);
        if (parsed instanceof FaqCsvResult.Rejected r) throw rejected(r.errors());
        List<FaqEntry> entries = ((FaqCsvResult.Parsed) parsed).entries();
        Instant now = clock.instant();
        tx.run(() -> {
            List<FaqCsvError> clashes = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                FaqEntry e = entries.get(i);
                if (!faqs.insert(new FaqStore.Faq(e.id(), p.orgId(), e.question(), e.alternatives(), e.answer(), e.category(), now, now))) {
                    clashes.add(new FaqCsvError(i + 2, "question", "duplicate_question", "The knowledge base already has this question"));
                }
            }
            if (!clashes.isEmpty()) throw rejected(clashes);
        });
        changed(p.orgId());
        return entries.size();
    }

    public List<FaqStore.Unanswered> unanswered(Principal p, int limit) {
        requireAdmin(p);
        return faqs.unanswered(p.orgId(), Math.max(1, Math.min(limit, 500)));
    }

    public void dismissUnanswered(Principal p, String normalized) {
        requireAdmin(p);
        faqs.dismissUnanswered(p.orgId(), Validate.required("normalized", normalized));
    }

    private BotPolicy policy(UUID orgId) {
        Loaded l = byOrg.get(orgId);
        if (l == null || l.at().plus(refresh).isBefore(clock.instant())) l = load(orgId);
        return l.policy();
    }

    private Loaded load(UUID orgId) {
        Loaded old = byOrg.get(orgId);
        List<FaqEntry> entries = faqs.all(orgId).stream().map(f -> new FaqEntry(f.id(), f.question(), f.alternatives(), f.answer(), f.category())).toList();
        Loaded l;
        if (old == null) {
            KnowledgeBase bm25 = new KnowledgeBase();
            KnowledgeBase hybrid = embedder == null ? null : new KnowledgeBase(RetrievalTuning.HYBRID, embedder);
            l = new Loaded(bm25, new BotPolicy(bm25, embedder == null ? settings : bm25Settings), hybrid,
                    hybrid == null ? null : new BotPolicy(hybrid, settings), clock.instant(), new java.util.concurrent.atomic.AtomicBoolean());
        } else {
            l = new Loaded(old.bm25(), old.bm25Policy(), old.hybrid(), old.hybridPolicy(), clock.instant(), old.hybridReady());
        }
        l.bm25().replace(entries);
        byOrg.put(orgId, l);
        if (l.hybrid() != null) {
            Thread.ofVirtual().name("desk-embed-" + orgId).start(() -> {
                try {
                    l.hybrid().replace(entries); // synchronised: a later change waits and is published after this one
                    l.hybridReady().set(true);
                } catch (RuntimeException | LinkageError e) {
                    log.warn("embedding the knowledge base of organisation {} failed; it is served by BM25", orgId, e);
                }
            });
        }
        return l;
    }

    /** This node's index follows at once (other nodes within {@code refresh}). */
    private void changed(UUID orgId) {
        if (byOrg.containsKey(orgId)) load(orgId);
    }

    private FaqStore.Faq faq(UUID id, UUID orgId, String question, List<String> alternatives, String answer, String category, Instant created,
                             Instant updated) {
        String q = Validate.text("question", question, 1, 200);
        List<String> alts = alternatives == null ? List.of() : alternatives.stream().map(a -> Validate.text("alternatives", a, 1, 200)).distinct().toList();
        Validate.check(alts.size() <= MAX_ALTERNATIVES, "alternatives", "too_many_alternatives", "At most " + MAX_ALTERNATIVES + " other phrasings");
        return new FaqStore.Faq(id, orgId, q, alts, Validate.text("answer", answer, 1, 2000), Validate.optionalText("category", category, 64), created, updated);
    }

    private static void requireAdmin(Principal p) {
        if (p.isOutsider() || !p.isAdmin()) throw ProblemException.forbidden("admin_required", "Only the organisation's admins can edit the knowledge base");
    }

    private static ProblemException duplicate() {
        return ProblemException.conflict("duplicate_question", "The knowledge base already has this question", "question");
    }

    private static ProblemException rejected(List<FaqCsvError> errors) {
        return new ProblemException(422, "import_rejected", "The file was not imported; fix these rows and import it again", null,
                Map.of("errors", errors));
    }
}
