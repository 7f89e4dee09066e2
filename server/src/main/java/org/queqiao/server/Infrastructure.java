package org.queqiao.server;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.queqiao.bus.nats.NatsEventBus;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.bus.InProcessEventBus;
import org.queqiao.platform.config.Config;
import org.queqiao.storage.pg.Database;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The pieces that differ between a single node and a cluster — which database, which bus — chosen
 * by configuration alone. Everything above them runs the same code either way.
 */
final class Infrastructure {
    private Infrastructure() {}

    static Database database(Config c) {
        int pool = c.integer("db.pool-size");
        String url = c.optional("db.url");
        if (url == null) return Database.embedded(Path.of(c.string("data.dir")).toAbsolutePath(), c.integer("db.embedded-port"), pool);
        return Database.external(url, c.string("db.user"), c.string("db.password"), pool);
    }

    static EventBus bus(Config c, String nodeId) {
        return switch (c.string("bus.kind")) {
            case "in-process" -> new InProcessEventBus(nodeId);
            case "nats" -> NatsEventBus.connect(c.string("bus.nats-url"), c.string("bus.nats-prefix"), nodeId);
            default -> throw new Config.ConfigException("bus.kind must be in-process or nats, got '" + c.string("bus.kind") + "'");
        };
    }

    static PrometheusMeterRegistry metrics(String nodeId) {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        r.config().commonTags("node", nodeId);
        new JvmMemoryMetrics().bindTo(r);
        new JvmGcMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ClassLoaderMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);
        return r;
    }

    static String nodeId(Config c) {
        String configured = c.optional("node.name");
        if (configured != null) return configured;
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
