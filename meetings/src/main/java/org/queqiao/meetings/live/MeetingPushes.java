package org.queqiao.meetings.live;

import org.queqiao.platform.realtime.Pushes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tells a meeting's people what changed. Pushes go to the device in the meeting (its login session),
 * not to every device of the person: their phone is not in the meeting when their laptop is.
 */
final class MeetingPushes {
    private final Pushes pushes;

    MeetingPushes(Pushes pushes) {
        this.pushes = pushes;
    }

    void participant(LiveMeeting m, LiveParticipant p) {
        toAll(m, MeetingTopics.PARTICIPANT, data(m, "participant", LiveViews.participant(p, m.spotlight)));
    }

    void left(LiveMeeting m, UUID participantId, String reason) {
        Map<String, Object> d = data(m, "participantId", participantId);
        d.put("reason", reason);
        toAll(m, MeetingTopics.LEFT, d);
    }

    void settings(LiveMeeting m) {
        toAll(m, MeetingTopics.SETTINGS, LiveViews.settings(m));
    }

    void waiting(LiveMeeting m) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Arrival a : m.waiting.all()) list.add(LiveViews.waiting(a));
        pushes.pushToSessions(m.roster.hostSessionIds(), MeetingTopics.WAITING, data(m, "waiting", list));
    }

    /** Everyone present and waiting: the meeting is over. */
    void ended(LiveMeeting m) {
        List<UUID> sessions = m.roster.sessionIds();
        for (Arrival a : m.waiting.all()) sessions.add(a.sessionId());
        pushes.pushToSessions(sessions, MeetingTopics.ENDED, data(m, "reason", "ended"));
    }

    void toAll(LiveMeeting m, String topic, Map<String, Object> data) {
        pushes.pushToSessions(m.roster.sessionIds(), topic, data);
    }

    void toOne(UUID sessionId, String topic, Map<String, Object> data) {
        pushes.pushToSession(sessionId, topic, data);
    }

    /** A push's data: always the meeting id, plus one field. */
    static Map<String, Object> data(LiveMeeting m, String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("meetingId", m.id());
        d.put(key, value);
        return d;
    }
}
