package org.queqiao.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Registers API routes with Javalin and remembers them, so a test can hold the OpenAPI document
 * against exactly the routes the server serves.
 */
public final class ApiRoutes {
    public record Route(String method, String path) {}

    private final RoutesConfig routes;
    private final Idempotency idempotency;
    private final List<Route> registered = new ArrayList<>();

    public ApiRoutes(RoutesConfig routes, Idempotency idempotency) {
        this.routes = routes;
        this.idempotency = idempotency;
    }

    public void get(String path, Handler h) {
        routes.get(path, h);
        registered.add(new Route("get", path));
    }

    /** A POST that does not create anything (actions, sign-in); no idempotency key handling. */
    public void post(String path, Handler h) {
        routes.post(path, h);
        registered.add(new Route("post", path));
    }

    /** A creating POST: honours Idempotency-Key. */
    public void create(String path, Handler h) {
        routes.post(path, idempotency.wrap(h));
        registered.add(new Route("post", path));
    }

    public void patch(String path, Handler h) {
        routes.patch(path, h);
        registered.add(new Route("patch", path));
    }

    /** Creates or replaces the resource at a path the caller names (idempotent by nature). */
    public void put(String path, Handler h) {
        routes.put(path, h);
        registered.add(new Route("put", path));
    }

    public void delete(String path, Handler h) {
        routes.delete(path, h);
        registered.add(new Route("delete", path));
    }

    public List<Route> registered() {
        return Collections.unmodifiableList(registered);
    }
}
