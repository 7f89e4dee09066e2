package org.queqiao.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.queqiao.gateway.RealtimeGateway;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.HealthCheck;
import org.queqiao.http.HttpApi;
import org.queqiao.http.Operations;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.config.Config;
import org.queqiao.storage.pg.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** One Queqiao node: database, bus, realtime gateway and HTTP API, started in order and stopped in reverse. */
public final class QueqiaoServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueqiaoServer.class);
    public static final String VERSION = "0.1.0";

    private final Database database;
    private final EventBus bus;
    private final RealtimeGateway gateway;
    private final HttpApi http;
    private final ApiServices services;
    private final java.time.Duration drain;
    private final java.util.List<Runnable> afterClose = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private final List<BackgroundJob> jobs;

    private QueqiaoServer(Database database, EventBus bus, RealtimeGateway gateway, HttpApi http, ApiServices services, java.time.Duration drain,
                          List<BackgroundJob> jobs) {
        this.jobs = jobs;
        this.drain = drain;
        this.database = database;
        this.bus = bus;
        this.gateway = gateway;
        this.http = http;
        this.services = services;
    }

    public static QueqiaoServer start(Config config) {
        long t0 = System.nanoTime();
        String nodeId = Infrastructure.nodeId(config);
        log.info("starting Queqiao {} node {} with settings:\n{}", VERSION, nodeId, config.describe());
        Database database = Infrastructure.database(config);
        EventBus bus = null;
        RealtimeGateway gateway = null;
        try {
            bus = Infrastructure.bus(config, nodeId);
            PrometheusMeterRegistry metrics = Infrastructure.metrics(nodeId);
            EventBus b = bus;
            Services.Built built = Services.build(config, database, bus, metrics, (auth, handlers) -> new RealtimeGateway(config, auth, b, metrics, handlers));
            ApiServices services = built.api();
            gateway = built.gateway();
            gateway.start();
            built.jobs().forEach(BackgroundJob::start);
            List<HealthCheck> checks = List.of(check("database", database::isReady));
            HttpApi http = new HttpApi(services, ApiSettings.from(config, gateway.port(), VERSION),
                    new Operations(checks, metrics::scrape), metrics, config.duration("invitation.default-ttl")).start();
            log.info("Queqiao ready in {} ms: http://{}:{}/ (realtime ws port {}, database {}, bus {})", (System.nanoTime() - t0) / 1_000_000,
                    config.string("http.host"), http.port(), gateway.port(), database.isEmbedded() ? "embedded" : "external", config.string("bus.kind"));
            return new QueqiaoServer(database, bus, gateway, http, services, config.duration("http.drain-timeout"), built.jobs());
        } catch (RuntimeException e) {
            if (gateway != null) gateway.close();
            if (bus != null) bus.close();
            database.close();
            throw e;
        }
    }

    private static HealthCheck check(String name, java.util.function.BooleanSupplier up) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isUp() {
                return up.getAsBoolean();
            }
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing {} failed", c, e);
        }
    }

    /** Runs once the node has fully stopped (e.g. removing a throw-away data directory). */
    public void afterClose(Runnable action) {
        afterClose.add(action);
    }

    public int httpPort() {
        return http.port();
    }

    public int gatewayPort() {
        return gateway.port();
    }

    public HttpApi http() {
        return http;
    }

    public ApiServices services() {
        return services;
    }

    public Database database() {
        return database;
    }

    /** Graceful shutdown: stop taking HTTP work and drain it, close sockets with a reason, then the bus and the database. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        log.info("stopping Queqiao");
        try {
            http.stop(drain);
        } finally {
            try {
                gateway.close();
                services.messaging().close();
                services.meetings().close();
                jobs.forEach(QueqiaoServer::closeQuietly);
            } finally {
                try {
                    bus.close();
                } finally {
                    database.close();
                    afterClose.forEach(Runnable::run);
                }
            }
        }
        log.info("Queqiao stopped");
    }
}
