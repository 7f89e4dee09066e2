package org.queqiao.http;

import io.javalin.http.Context;
import org.queqiao.platform.json.Json;

/** Writes JSON responses, keeping the serialised body for the idempotency filter to remember. */
public final class Respond {
    static final String BODY_ATTR = "queqiao.body";

    private Respond() {}

    public static void json(Context ctx, int status, Object body) {
        String s = Json.write(body);
        ctx.attribute(BODY_ATTR, s);
        ctx.status(status).contentType("application/json").result(s);
    }

    public static void ok(Context ctx, Object body) {
        json(ctx, 200, body);
    }

    public static void created(Context ctx, Object body) {
        json(ctx, 201, body);
    }

    public static void noContent(Context ctx) {
        ctx.status(204);
    }
}
