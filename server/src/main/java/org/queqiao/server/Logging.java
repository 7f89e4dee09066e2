package org.queqiao.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.queqiao.platform.config.Config;
import org.slf4j.LoggerFactory;

import java.net.URL;

/** Switches logging to the configured format (text for people, JSON lines for log shippers) and level. */
final class Logging {
    private Logging() {}

    static void configure(Config config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return;
        String resource = config.string("log.format").equalsIgnoreCase("json") ? "/logback-json.xml" : "/logback-text.xml";
        URL url = Logging.class.getResource(resource);
        ctx.reset();
        JoranConfigurator jc = new JoranConfigurator();
        jc.setContext(ctx);
        try {
            jc.doConfigure(url);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + resource, e);
        }
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(config.string("log.level"), Level.INFO));
    }
}
