package org.queqiao.desk;

import org.queqiao.platform.config.Config;

import java.time.Duration;

/** The {@code desk.*} settings (documented in queqiao-defaults.properties). */
public record DeskConfig(Duration offerTimeout, Duration maxWait, Duration visitorTokenTtl, Duration queuePushSpacing, Duration etaWindow,
                         String botRetrieval, double botAnswerThreshold, double bm25AnswerThreshold, double botSuggestThreshold, int botMaxFallbacks, int faqMaxRows, Duration faqRefresh,
                         int visitorSendRate, int visitorSendBurst, java.time.ZoneId reportZone, Duration botIdleClose,
                         int routingThreads, org.queqiao.desk.assistant.AssistantSettings assistant) {

    /** Whether the bot ranks with sentence embeddings ({@code hybrid}) or BM25 alone ({@code bm25}). */
    public boolean embeddings() {
        return botRetrieval.equals("hybrid");
    }

    private static String retrieval(Config c) {
        String r = c.string("desk.bot-retrieval");
        if (!r.equals("hybrid") && !r.equals("bm25")) throw new Config.ConfigException("setting 'desk.bot-retrieval' must be hybrid or bm25, got '" + r + "'");
        return r;
    }

    /** Null when {@code desk.assistant-url} is empty: the bot answers from the knowledge base alone. */
    private static org.queqiao.desk.assistant.AssistantSettings assistant(Config c) {
        String url = c.optional("desk.assistant-url");
        if (url == null || url.isBlank()) return null;
        try {
            String key = c.optional("desk.assistant-key");
            return new org.queqiao.desk.assistant.AssistantSettings(org.queqiao.desk.assistant.AssistantSettings.chatCompletions(url),
                    c.string("desk.assistant-model"), key == null ? "" : key.strip(), c.duration("desk.assistant-timeout"),
                    c.integer("desk.assistant-concurrency"));
        } catch (IllegalArgumentException e) {
            throw new Config.ConfigException("settings 'desk.assistant-*': " + e.getMessage());
        }
    }

    public static DeskConfig from(Config c) {
        return new DeskConfig(c.duration("desk.offer-timeout"), c.duration("desk.max-wait"), c.duration("desk.visitor-token-ttl"),
                c.duration("desk.queue-push-spacing"), c.duration("desk.eta-window"), retrieval(c),
                Double.parseDouble(c.string("desk.bot-answer-threshold")), Double.parseDouble(c.string("desk.bot-bm25-answer-threshold")),
                Double.parseDouble(c.string("desk.bot-suggest-threshold")), c.integer("desk.bot-max-fallbacks"), c.integer("desk.faq-import-max-rows"),
                c.duration("desk.faq-refresh"), c.integer("desk.visitor-send-rate"), c.integer("desk.visitor-send-burst"),
                java.time.ZoneId.of(c.string("desk.report-zone")), c.duration("desk.bot-idle-close"),
                // one routing thread per connection of the router's: more would only wait for a connection
                c.integer("db.routing-connections"), assistant(c));
    }
}
