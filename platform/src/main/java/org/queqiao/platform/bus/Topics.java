package org.queqiao.platform.bus;

import java.util.regex.Pattern;

/** Topic names used across modules, and the rule every topic name follows. */
public final class Topics {
    /** Payload {"orgId","memberId"}: every node closes the member's realtime connections. */
    public static final String MEMBER_DEACTIVATED = "member.deactivated";
    /** Payload {"orgId","memberId","sessionIds":[...]}: every node drops these sessions from caches and closes their sockets. */
    public static final String SESSIONS_REVOKED = "sessions.revoked";

    private static final Pattern VALID = Pattern.compile("^[a-z0-9_-]+(\\.[a-z0-9_-]+)*$");

    private Topics() {}

    public static String requireValid(String topic) {
        if (topic == null || !VALID.matcher(topic).matches()) {
            throw new IllegalArgumentException("invalid topic: " + topic);
        }
        return topic;
    }
}
