package org.queqiao.desk;

import org.queqiao.platform.realtime.Pushes;

import java.util.Collection;
import java.util.UUID;

/**
 * The desk's realtime topics (docs/desk-protocol.md). Visitors hear {@code visitor.*}; agents and
 * supervisors {@code desk.*}. Like every push these are notifications: the state is in the database
 * and a client that missed one asks again ({@code visitor.open}, {@code desk.mine}).
 */
public final class DeskPushes {
    public static final String VISITOR_ENTRY = "visitor.entry";
    public static final String VISITOR_STATE = "visitor.state";
    public static final String DESK_ENTRY = "desk.entry";
    public static final String DESK_OFFER = "desk.offer";
    public static final String DESK_CONVERSATION = "desk.conversation";
    public static final String DESK_QUEUE = "desk.queue";

    private final Pushes pushes;

    public DeskPushes(Pushes pushes) {
        this.pushes = pushes;
    }

    public void toVisitor(UUID orgId, UUID visitorId, String topic, Object data) {
        pushes.pushToMember(orgId, visitorId, topic, data);
    }

    public void toAgents(UUID orgId, Collection<UUID> agentIds, String topic, Object data) {
        if (!agentIds.isEmpty()) pushes.pushToMembers(orgId, agentIds, topic, data);
    }

    public void toAgent(UUID orgId, UUID agentId, String topic, Object data) {
        pushes.pushToMember(orgId, agentId, topic, data);
    }
}
