package org.queqiao.desk;

import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.desk.store.DeskSetupStore;
import org.queqiao.desk.store.VisitorStore;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.EntryKind;
import org.queqiao.messaging.SendRequest;
import org.queqiao.messaging.SendResult;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a visitor does: open (or come back to) their conversation, talk, ask for a person, rate the
 * conversation when it is closed, leave a message when nobody is there, read the transcript. Every
 * call is the visitor's own: a visitor principal reaches only its own conversations.
 */
public final class VisitorChat {
    static final int MAX_PAGE = 200;

    private final DeskConversationStore conversations;
    private final DeskSetupStore setup;
    private final VisitorStore visitors;
    private final DeskLogs logs;
    private final Transactor tx;
    private final Handoff handoff;
    private final Closing closing;
    private final BotGreeting greeting;
    private final org.queqiao.desk.store.FaqStore faqs;
    private final org.queqiao.messaging.SendRateLimit rateLimit;
    private final Endings endings;
    private final Clock clock;

    VisitorChat(DeskConversationStore conversations, DeskSetupStore setup, VisitorStore visitors, DeskLogs logs, Transactor tx, Handoff handoff,
                Closing closing, BotGreeting greeting, org.queqiao.desk.store.FaqStore faqs, org.queqiao.messaging.SendRateLimit rateLimit, Endings endings, Clock clock) {
        this.endings = endings;
        this.rateLimit = rateLimit;
        this.closing = closing;
        this.faqs = faqs;
        this.conversations = conversations;
        this.setup = setup;
        this.visitors = visitors;
        this.logs = logs;
        this.tx = tx;
        this.handoff = handoff;
        this.greeting = greeting;
        this.clock = clock;
    }

    /** The bot's first words in a new conversation, written in the transaction that opens it. */
    @FunctionalInterface
    interface BotGreeting {
        void greet(org.queqiao.messaging.Conversation chat);
    }

    /** The visitor's open conversation and its log after {@code after}; a new one (greeted by the bot) when none is open. */
    public Opened open(Principal visitor, long after) {
        Visitor v = visitorOf(visitor);
        DeskConversation c = conversations.openFor(v.orgId(), v.id()).orElseGet(() -> tx.inTransaction(() -> {
            visitors.lock(v.id()); // two tabs opening at once get one conversation
            return conversations.openFor(v.orgId(), v.id()).orElseGet(() -> start(v));
        }));
        return new Opened(c, logs.entriesAfter(c.id(), Math.max(0, after), MAX_PAGE));
    }

    public record Opened(DeskConversation conversation, List<Entry> entries) {}

    public SendResult send(Principal visitor, String clientMsgId, String text) {
        DeskConversation c = openConversation(visitor);
        return logs.post(visitor, c.id(), new SendRequest(clientMsgId, EntryKind.TEXT, text, null, false, null, null), rateLimit);
    }

    /** The "talk to a person" button. */
    public Handoff.Outcome askForPerson(Principal visitor) {
        return handoff.toHuman(visitor.orgId(), openConversation(visitor).id(), "requested");
    }

    /** The visitor ends the conversation (closing the widget's chat, "end chat"). */
    public DeskConversation end(Principal visitor) {
        DeskConversation c = openConversation(visitor);
        return closing.closeNow(visitor.orgId(), c.id(), null, List.of(), id -> conversations.lock(visitor.orgId(), id)
                .filter(x -> x.visitorId().equals(visitor.memberId()) && x.isOpen())
                .orElseThrow(() -> ProblemException.conflict("no_open_conversation", "This conversation has ended already", null)));
    }

    /** Satisfaction, once per conversation, after it was closed (1 to 5, an optional comment). */
    public void rate(Principal visitor, UUID conversationId, int score, String comment) {
        Validate.check(score >= 1 && score <= 5, "score", "invalid_score", "score must be 1 to 5");
        String text = Validate.optionalText("comment", comment, 1000);
        DeskConversation c = own(visitor, conversationId);
        if (c.state() != ConversationState.CLOSED) throw ProblemException.conflict("not_closed", "A conversation is rated once it is closed", null);
        tx.run(() -> {
            if (!conversations.rate(c.id(), score, text, clock.instant())) throw ProblemException.conflict("already_rated", "This conversation was rated already", null);
            endings.rated(c);
        });
    }

    /** Whether one of the bot's answers helped (once per answer); feeds the knowledge base's quality. */
    public void rateAnswer(Principal visitor, UUID conversationId, long seq, boolean helpful) {
        DeskConversation c = own(visitor, conversationId);
        Entry e = logs.entriesAfter(c.id(), seq - 1, 1).stream().filter(x -> x.seq() == seq).findFirst().orElse(null);
        java.util.Map<String, Object> card = e == null || e.body() == null ? null : e.body().card();
        if (e == null || !DeskBot.BOT_ID.equals(e.senderId()) || card == null || !"faq_answer".equals(card.get("type"))) {
            throw new ProblemException(404, "no_such_answer", "There is no bot answer " + seq + " in this conversation", "seq", null);
        }
        if (!faqs.rate(c.orgId(), c.id(), seq, UUID.fromString((String) card.get("faqId")), helpful, clock.instant())) {
            throw ProblemException.conflict("already_rated", "This answer was rated already", "seq");
        }
    }

    /** A message for later when nobody is there (outside business hours, or after waiting too long). */
    public UUID leaveMessage(Principal visitor, String name, String email, String phone, String text) {
        Visitor v = visitorOf(visitor);
        String n = Validate.text("name", name, 1, 64);
        String e = Validate.optionalEmail("email", email);
        String p = Validate.optionalPhone("phone", phone);
        Validate.check(e != null || p != null, "email", "contact_required", "Leave an email address or a phone number so that we can answer");
        String t = Validate.text("text", text, 1, 5000);
        UUID id = Ids.newId();
        visitors.insertOfflineMessage(new VisitorStore.OfflineMessage(id, v.orgId(), v.channelId(), v.id(), n, e, p, t, clock.instant()));
        return id;
    }

    /** A conversation's whole log, for the transcript download (the visitor's own conversations only). */
    public List<Entry> transcript(Principal visitor, UUID conversationId, long after) {
        own(visitor, conversationId);
        return logs.entriesAfter(conversationId, Math.max(0, after), MAX_PAGE);
    }

    private DeskConversation start(Visitor v) {
        var channel = setup.channel(v.orgId(), v.channelId()).orElseThrow(() -> ProblemException.notFound("Channel"));
        Instant now = clock.instant();
        UUID id = Ids.newId();
        DeskConversation c = new DeskConversation(id, v.orgId(), channel.id(), v.id(), channel.groupId(), ConversationState.BOT, 0, now, null, null,
                null, null, List.of(), null, null, null, 0, 0, 0, null, null, List.of(), null, null);
        var chat = logs.open(v.orgId(), id, v.name() != null ? v.name() : "Visitor", now);
        conversations.insert(c);
        greeting.greet(chat);
        return c;
    }

    private DeskConversation openConversation(Principal visitor) {
        return conversations.openFor(visitor.orgId(), visitor.memberId())
                .orElseThrow(() -> ProblemException.conflict("no_open_conversation", "Open a conversation first (visitor.open)", null));
    }

    private DeskConversation own(Principal visitor, UUID conversationId) {
        return conversations.find(visitor.orgId(), conversationId).filter(c -> c.visitorId().equals(visitor.memberId()))
                .orElseThrow(() -> ProblemException.notFound("Conversation"));
    }

    private Visitor visitorOf(Principal visitor) {
        if (!visitor.deskVisitor()) throw ProblemException.forbidden("visitor_only", "Only a desk visitor has a visitor conversation");
        return visitors.find(visitor.orgId(), visitor.memberId()).orElseThrow(() -> ProblemException.unauthorized("unknown_visitor", "Start the widget again"));
    }
}
