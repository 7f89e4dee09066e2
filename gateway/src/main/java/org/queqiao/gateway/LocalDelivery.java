package org.queqiao.gateway;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Acts on the sessions of this node; called for every bus event, whichever node published it. */
final class LocalDelivery {
    private final SessionRegistry sessions;

    LocalDelivery(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    void pushToMember(UUID orgId, UUID memberId, String topic, String dataJson) {
        for (ClientSession s : sessions.ofMember(memberId)) {
            if (s.principal.orgId().equals(orgId)) s.push(topic, dataJson);
        }
    }

    void pushToMembers(UUID orgId, List<UUID> memberIds, String topic, String dataJson) {
        for (UUID m : memberIds) pushToMember(orgId, m, topic, dataJson);
    }

    void pushToLoginSession(UUID sessionId, String topic, String dataJson) {
        for (ClientSession s : sessions.ofLoginSessions(List.of(sessionId))) s.push(topic, dataJson);
    }

    void endMember(UUID memberId, ErrorCode code) {
        sessions.recentEndings.record(memberId, code);
        end(Arrays.asList(sessions.ofMember(memberId)), code);
    }

    void endLoginSessions(Collection<UUID> sessionIds, ErrorCode code) {
        sessionIds.forEach(id -> sessions.recentEndings.record(id, code));
        end(sessions.ofLoginSessions(sessionIds), code);
    }

    /** No resume after this: the sessions are forgotten first, then their sockets closed. */
    private void end(Collection<ClientSession> ended, ErrorCode code) {
        for (ClientSession s : ended) {
            sessions.remove(s);
            ClientConnection c = s.end();
            if (c != null) c.disconnect(code, code.defaultMessage());
        }
    }
}
