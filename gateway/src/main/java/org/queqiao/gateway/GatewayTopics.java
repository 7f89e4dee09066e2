package org.queqiao.gateway;

/**
 * Bus topics the gateway publishes and consumes. Local and remote deliveries take the same path:
 * a push is published here and every node (this one included) delivers it to its own connections.
 */
public final class GatewayTopics {
    /** Payload {"orgId","memberId","topic","data"} or {"sessionId","topic","data"}. */
    public static final String PUSH = "gateway.push";
    /** Payload {"memberId","sessionIds":[...],"code"}: either memberId or sessionIds is set. */
    public static final String DISCONNECT = "gateway.disconnect";

    private GatewayTopics() {}
}
