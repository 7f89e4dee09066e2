package org.queqiao.gateway;

import org.queqiao.platform.config.Config;

import java.time.Duration;

/** The gateway.* settings, read and checked once at construction. */
record GatewaySettings(
        String host,
        int port,
        Duration authTimeout,
        Duration heartbeatInterval,
        Duration idleTimeout,
        int maxFrameBytes,
        int maxPendingBytes,
        int resumeBuffer,
        long resumeBufferBytes,
        Duration resumeWindow,
        int ioThreads,
        int inboundRate,
        int inboundBurst,
        int maxConnections,
        int maxPendingRequests) {

    /**
     * Frames up to this size are read (and rejected with an error frame when above maxFrameBytes);
     * a larger one is not even buffered: the connection is closed, since the stream cannot be resynchronised cheaply.
     */
    int hardFrameLimit() {
        return (int) Math.min(Integer.MAX_VALUE, 4L * maxFrameBytes);
    }

    static GatewaySettings from(Config c) {
        GatewaySettings s = new GatewaySettings(
                c.string("gateway.host"),
                c.integer("gateway.port"),
                c.duration("gateway.auth-timeout"),
                c.duration("gateway.heartbeat-interval"),
                c.duration("gateway.idle-timeout"),
                c.integer("gateway.max-frame-bytes"),
                c.integer("gateway.max-pending-bytes"),
                c.integer("gateway.resume-buffer"),
                c.longValue("gateway.resume-buffer-bytes"),
                c.duration("gateway.resume-window"),
                c.integer("gateway.io-threads"),
                c.integer("gateway.inbound-rate"),
                c.integer("gateway.inbound-burst"),
                c.integer("gateway.max-connections"),
                c.integer("gateway.max-pending-requests"));
        s.check();
        return s;
    }

    private void check() {
        require(port >= 0 && port <= 65535, "gateway.port must be 0..65535");
        require(isPositive(authTimeout), "gateway.auth-timeout must be positive");
        require(isPositive(heartbeatInterval), "gateway.heartbeat-interval must be positive");
        require(idleTimeout.compareTo(heartbeatInterval) > 0, "gateway.idle-timeout must be longer than gateway.heartbeat-interval");
        require(maxFrameBytes >= 1024, "gateway.max-frame-bytes must be at least 1024");
        require(maxPendingBytes >= 1024, "gateway.max-pending-bytes must be at least 1024");
        require(resumeBuffer >= 0, "gateway.resume-buffer must not be negative");
        require(resumeBufferBytes >= 1024, "gateway.resume-buffer-bytes must be at least 1024");
        require(!resumeWindow.isNegative(), "gateway.resume-window must not be negative");
        require(ioThreads >= 0, "gateway.io-threads must not be negative");
        require(maxConnections >= 1, "gateway.max-connections must be positive");
        require(maxPendingRequests >= 1, "gateway.max-pending-requests must be positive");
        require(inboundRate > 0 && inboundBurst >= 1, "gateway.inbound-rate and gateway.inbound-burst must be positive");
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new Config.ConfigException(message);
    }
}
