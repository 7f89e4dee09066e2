package org.queqiao.http;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** /health (liveness and readiness), /metrics (Prometheus) and the OpenAPI document. */
final class OperationsRoutes {
    private final Operations ops;
    private volatile boolean draining;

    OperationsRoutes(Operations ops) {
        this.ops = ops;
    }

    void register(ApiRoutes r) {
        r.get("/health", this::health);
        r.get("/health/live", ctx -> Respond.ok(ctx, Map.of("status", "up")));
        r.get("/health/ready", this::health);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(ops.prometheusScrape().get()));
        r.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApiDocument.text()));
    }

    /** From now on readiness fails, so a load balancer stops sending new work while we drain. */
    void startDraining() {
        draining = true;
    }

    private void health(Context ctx) {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean up = !draining;
        for (HealthCheck c : ops.checks()) {
            boolean ok;
            try {
                ok = c.isUp();
            } catch (RuntimeException e) {
                ok = false;
            }
            checks.put(c.name(), ok ? "up" : "down");
            up &= ok;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : (draining ? "draining" : "down"));
        body.put("checks", checks);
        Respond.json(ctx, up ? 200 : 503, body);
    }
}
