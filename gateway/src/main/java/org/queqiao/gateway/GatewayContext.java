package org.queqiao.gateway;

import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.realtime.RequestHandlers;

import java.util.concurrent.Executor;

/** What the per-connection handlers share: one instance per gateway, referenced by every connection. */
record GatewayContext(
        GatewaySettings settings,
        TokenAuthenticator authenticator,
        Executor authExecutor,
        RequestHandlers handlers,
        Executor requestExecutor,
        SessionRegistry sessions,
        GatewayMetrics metrics,
        PresenceTable presence,
        java.util.List<org.queqiao.platform.realtime.ConnectionListener> connectionListeners) {

    long heartbeatMs() {
        return settings.heartbeatInterval().toMillis();
    }
}
