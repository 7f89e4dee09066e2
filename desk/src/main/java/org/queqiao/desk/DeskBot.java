package org.queqiao.desk;

import org.queqiao.desk.store.DeskConversationStore;
import org.queqiao.messaging.DeskLogs;
import org.queqiao.messaging.Entry;
import org.queqiao.messaging.EntryKind;
import org.queqiao.messaging.SendRequest;
import org.queqiao.platform.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bot in a conversation: greets, answers from the knowledge base (a card naming the FAQ, so the
 * visitor can rate it), suggests when unsure, says so when it does not understand, and hands off to a
 * person when asked or after too many misses. It speaks the visitor's language (Chinese or English).
 */
final class DeskBot implements DeskEvents.VisitorSaid, VisitorChat.BotGreeting {
    private static final Logger log = LoggerFactory.getLogger(DeskBot.class);
    /** The bot's sender id in every desk log: fixed, so the widget can tell its words from an agent's. */
    static final UUID BOT_ID = new UUID(0, 0xB07);

    private final BotBrain brain;
    private final DeskConversationStore conversations;
    private final DeskLogs logs;
    private final Handoff handoff;
    private final UnansweredQuestions unanswered;
    private final BotAssistant assistant;

    /** @param assistant asked when the knowledge base would only suggest or fall back; null: none */
    DeskBot(BotBrain brain, DeskConversationStore conversations, DeskLogs logs, Handoff handoff, UnansweredQuestions unanswered, BotAssistant assistant) {
        this.brain = brain;
        this.assistant = assistant;
        this.conversations = conversations;
        this.logs = logs;
        this.handoff = handoff;
        this.unanswered = unanswered;
    }

    @Override
    public void greet(org.queqiao.messaging.Conversation chat) {
        logs.postWithin(chat, BOT_ID, org.queqiao.messaging.MessageBody.text(GREETING));
    }

    static final String GREETING = "您好！我是智能客服，请问有什么可以帮您？输入“人工”可转人工客服。\nHello! I'm the virtual assistant. How can I help? "
            + "Type \"human\" to talk to a person.";

    @Override
    public void visitorSaid(DeskConversation c, Entry e) {
        String text = e.body().text();
        if (text == null) return;
        try {
            DeskConversation now = conversations.find(c.orgId(), c.id()).orElse(c);
            if (now.state() != ConversationState.BOT) return; // a person took over meanwhile
            BotBrain.Reply r = brain.reply(c.orgId(), text, botStreak(now));
            boolean zh = Language.isChinese(text);
            if (assistant != null && (r.kind() == BotBrain.Kind.SUGGEST || r.kind() == BotBrain.Kind.FALLBACK) && assisted(c, text, r.closest(), zh)) return;
            switch (r.kind()) {
                case ANSWER -> {
                    conversations.botReplied(c.id(), false);
                    card(c, r.answer(), Map.of("type", "faq_answer", "faqId", r.faqId().toString(), "confidence", r.confidence()));
                }
                case SUGGEST -> {
                    conversations.botReplied(c.id(), false);
                    List<Map<String, Object>> items = r.suggestions().stream().map(s -> Map.<String, Object>of("faqId", s.faqId().toString(), "question", s.question())).toList();
                    card(c, zh ? "您是想问以下问题吗？" : "Did you mean one of these?", Map.of("type", "faq_suggestions", "items", items));
                }
                case FALLBACK -> {
                    conversations.botReplied(c.id(), true);
                    unanswered.record(c.orgId(), text);
                    say(c, zh ? "抱歉，我没有理解您的问题。可以换个说法，或输入“人工”转人工客服。"
                            : "Sorry, I didn't get that. Try other words, or type \"human\" to talk to a person.");
                }
                case HANDOFF -> {
                    if (!"requested".equals(r.handoffReason())) {
                        conversations.botReplied(c.id(), true);
                        unanswered.record(c.orgId(), text);
                    }
                    say(c, zh ? "正在为您转接人工客服，请稍候……" : "Connecting you to a person, one moment please…");
                    handoff.toHuman(c.orgId(), c.id(), r.handoffReason());
                }
            }
        } catch (RuntimeException ex) {
            log.warn("the bot could not answer in conversation {}", c.id(), ex);
        }
    }

    /**
     * Asks the assistant; true when it answered or the visitor was handed off, false when the knowledge base's
     * decision stands (it declined, or its answer was refused on posting, e.g. by the sensitive-word filter).
     */
    private boolean assisted(DeskConversation c, String text, List<BotBrain.Source> sources, boolean zh) {
        BotAssistant.Reply reply = assistant.answer(text, sources);
        // the model may take seconds: the visitor may have asked for a person meanwhile
        DeskConversation now = conversations.find(c.orgId(), c.id()).orElse(c);
        if (now.state() != ConversationState.BOT) return true;
        switch (reply) {
            case BotAssistant.Reply.Declined d -> {
                return false;
            }
            case BotAssistant.Reply.Answered a -> {
                try {
                    card(c, a.text(), Map.of("type", "ai_answer", "sources", sources.stream().map(s -> s.faqId().toString()).toList()));
                } catch (org.queqiao.platform.problem.ProblemException refused) {
                    log.info("the assistant's answer in conversation {} was refused ({}); the knowledge base's decision stands", c.id(), refused.code());
                    return false;
                }
                conversations.botReplied(c.id(), false);
                unanswered.record(c.orgId(), text); // the knowledge base lacked it: the admin sees what the model had to answer
                return true;
            }
            case BotAssistant.Reply.Unavailable u -> {
                log.info("the assistant gave no answer in conversation {} ({}); handing off", c.id(), u.why());
                conversations.botReplied(c.id(), true);
                unanswered.record(c.orgId(), text);
                say(c, zh ? "正在为您转接人工客服，请稍候……" : "Connecting you to a person, one moment please…");
                handoff.toHuman(c.orgId(), c.id(), org.queqiao.desk.bot.HandoffReason.ASSISTANT_UNAVAILABLE.wire());
                return true;
            }
        }
    }

    private int botStreak(DeskConversation c) {
        return conversations.fallbackStreak(c.id());
    }

    private void say(DeskConversation c, String text) {
        logs.post(Principal.deskVisitor(BOT_ID, c.orgId()), c.id(), new SendRequest(DeskLogs.serverMsgId(), EntryKind.TEXT, text, null, false, null, null), null);
    }

    private void card(DeskConversation c, String text, Map<String, Object> card) {
        logs.post(Principal.deskVisitor(BOT_ID, c.orgId()), c.id(),
                new SendRequest(DeskLogs.serverMsgId(), EntryKind.CARD, text, null, false, null, new LinkedHashMap<>(card)), null);
    }
}
