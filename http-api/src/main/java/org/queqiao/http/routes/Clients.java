package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.identity.ClientInfo;

/** What the server records about the calling client. */
final class Clients {
    private Clients() {}

    static ClientInfo of(Context ctx, String deviceName) {
        return new ClientInfo(ctx.ip(), ctx.userAgent(), deviceName);
    }

    /** The base URL clients use to reach this server: the configured public URL, or the request's own. */
    static String baseUrl(Context ctx, String configured) {
        if (configured != null) return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        return ctx.scheme() + "://" + ctx.host();
    }
}
