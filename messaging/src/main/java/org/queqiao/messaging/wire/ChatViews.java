package org.queqiao.messaging.wire;

import org.queqiao.messaging.Conversation;
import org.queqiao.messaging.ConversationSummary;
import org.queqiao.messaging.Membership;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of conversations, shared by the HTTP API and realtime responses. Entries serialise as they are. */
public final class ChatViews {
    private ChatViews() {}

    public static Map<String, Object> conversation(Conversation c, UUID viewer) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("kind", c.kind().wire());
        v.put("title", c.title());
        v.put("announcement", c.announcement());
        v.put("peerId", c.peerOf(viewer));
        v.put("departmentId", c.departmentId());
        v.put("lastSeq", c.lastSeq());
        v.put("memberCount", c.memberCount());
        v.put("lastEntryAt", c.lastEntryAt());
        v.put("createdBy", c.createdBy());
        v.put("createdAt", c.createdAt());
        v.put("dissolved", c.isDissolved());
        return v;
    }

    public static Map<String, Object> summary(ConversationSummary s) {
        Map<String, Object> v = conversation(s.conversation(), s.me().memberId());
        v.put("role", s.me().role().wire());
        v.put("readSeq", s.me().readSeq());
        v.put("visibleAfter", s.me().visibleAfter());
        v.put("unread", s.unread());
        v.put("unreadCapped", s.unread() >= ConversationSummary.UNREAD_CAP);
        v.put("mutedUntil", s.me().mutedUntil());
        v.put("lastEntry", s.lastEntry());
        return v;
    }

    public static Map<String, Object> membership(Membership m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("memberId", m.memberId());
        v.put("role", m.role().wire());
        v.put("readSeq", m.readSeq());
        v.put("visibleAfter", m.visibleAfter());
        v.put("mutedUntil", m.mutedUntil());
        v.put("joinedAt", m.joinedAt());
        return v;
    }
}
