package org.queqiao.desk;

import org.queqiao.platform.config.Config;

import java.time.Duration;

/** The {@code desk.*} settings (documented in queqiao-defaults.properties). */
public record DeskConfig(Duration offerTimeout, Duration maxWait, Duration visitorTokenTtl, Duration queuePushSpacing, Duration etaWindow,
                         double botAnswerThreshold, double botSuggestThreshold, int botMaxFallbacks, int faqMaxRows, Duration faqRefresh,
                         int visitorSendRate, int visitorSendBurst, java.time.ZoneId reportZone) {

    public static DeskConfig from(Config c) {
        return new DeskConfig(c.duration("desk.offer-timeout"), c.duration("desk.max-wait"), c.duration("desk.visitor-token-ttl"),
                c.duration("desk.queue-push-spacing"), c.duration("desk.eta-window"), Double.parseDouble(c.string("desk.bot-answer-threshold")),
                Double.parseDouble(c.string("desk.bot-suggest-threshold")), c.integer("desk.bot-max-fallbacks"), c.integer("desk.faq-import-max-rows"),
                c.duration("desk.faq-refresh"), c.integer("desk.visitor-send-rate"), c.integer("desk.visitor-send-burst"),
                java.time.ZoneId.of(c.string("desk.report-zone")));
    }
}
