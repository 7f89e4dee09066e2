package org.queqiao.desk.wire;

import org.queqiao.desk.DeskConversation;
import org.queqiao.desk.GroupHours;
import org.queqiao.desk.SkillGroup;
import org.queqiao.desk.hours.SlaStatus;
import org.queqiao.desk.hours.SlaTimer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** The JSON shapes of desk conversations (docs/desk-protocol.md): the agent's view with SLA timers, and the visitor's. */
public final class DeskViews {
    private final GroupHours hours;
    private final BiFunction<UUID, UUID, SkillGroup> groups;
    private final Clock clock;

    public DeskViews(GroupHours hours, BiFunction<UUID, UUID, SkillGroup> groups, Clock clock) {
        this.hours = hours;
        this.groups = groups;
        this.clock = clock;
    }

    public Map<String, Object> forAgent(DeskConversation c) {
        Map<String, Object> v = forVisitor(c);
        v.put("visitorId", c.visitorId());
        v.put("channelId", c.channelId());
        v.put("groupId", c.groupId());
        v.put("priority", c.priority());
        put(v, "queuedAt", c.queuedAt());
        put(v, "handoffReason", c.handoffReason());
        put(v, "offeredTo", c.offeredTo());
        put(v, "offerExpiresAt", c.offerExpiresAt());
        put(v, "assignedAt", c.assignedAt());
        put(v, "firstResponseAt", c.firstResponseAt());
        v.put("botAnswers", c.botAnswers());
        v.put("botFallbacks", c.botFallbacks());
        v.put("transfers", c.transfers());
        put(v, "closedBy", c.closedBy());
        v.put("tags", c.tags());
        put(v, "csatComment", c.csatComment());
        if (c.queuedAt() != null) {
            SkillGroup g = groups.apply(c.orgId(), c.groupId());
            if (g != null) v.put("sla", sla(hours.sla(g, c.queuedAt(), c.firstResponseAt(), c.closedAt(), clock.instant())));
        }
        return v;
    }

    public Map<String, Object> forVisitor(DeskConversation c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("state", c.state());
        v.put("openedAt", c.openedAt());
        put(v, "agentId", c.agentId());
        put(v, "closedAt", c.closedAt());
        put(v, "csatScore", c.csatScore());
        return v;
    }

    private static Map<String, Object> sla(SlaStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstResponse", timer(s.firstResponse()));
        m.put("resolution", timer(s.resolution()));
        return m;
    }

    private static Map<String, Object> timer(SlaTimer t) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "targetSeconds", t.target() == null ? null : t.target().toSeconds());
        put(m, "due", t.due());
        m.put("elapsedSeconds", t.elapsed().toSeconds());
        m.put("running", t.running());
        m.put("breached", t.breached());
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
