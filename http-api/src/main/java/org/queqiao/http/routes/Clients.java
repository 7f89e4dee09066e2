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

    /** Where clients open the realtime WebSocket: gateway.public-url, or this host on the gateway's port. */
    static String gatewayUrl(Context ctx, org.queqiao.http.ApiSettings settings) {
        return settings.gatewayPublicUrl() != null ? settings.gatewayPublicUrl()
                : (ctx.scheme().equals("https") ? "wss" : "ws") + "://" + hostOnly(ctx.host()) + ":" + settings.gatewayPort() + "/ws";
    }

    static String hostOnly(String hostHeader) {
        if (hostHeader == null) return "localhost";
        if (hostHeader.startsWith("[")) return hostHeader.substring(0, hostHeader.indexOf(']') + 1);
        int colon = hostHeader.lastIndexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }
}
