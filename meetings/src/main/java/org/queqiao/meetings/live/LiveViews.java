package org.queqiao.meetings.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of live state: participants, the waiting list, the meeting's live settings, a join's answer. */
public final class LiveViews {
    private LiveViews() {}

    public static Map<String, Object> participant(LiveParticipant p, UUID spotlight) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id());
        v.put("memberId", p.memberId());
        v.put("displayName", p.displayName());
        v.put("role", p.role().wire());
        v.put("guest", p.guest());
        v.put("audio", p.audio());
        v.put("video", p.video());
        v.put("sharing", p.sharing());
        v.put("hand", p.hand());
        v.put("connection", p.reconnecting() ? "reconnecting" : "connected");
        v.put("spotlight", p.id().equals(spotlight));
        v.put("joinedAt", p.joinedAt());
        return v;
    }

    static Map<String, Object> waiting(Arrival a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("memberId", a.memberId());
        v.put("displayName", a.displayName());
        v.put("guest", a.memberId() == null);
        v.put("since", a.since());
        return v;
    }

    static Map<String, Object> settings(LiveMeeting m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("meetingId", m.id());
        v.put("locked", m.locked);
        v.put("spotlight", m.spotlight);
        v.put("sharing", m.sharer);
        return v;
    }

    /** What meeting.join answers, and meeting.admitted carries: the meeting, me, and everyone present. */
    static Map<String, Object> joined(LiveMeeting m, LiveParticipant self, MeetingRenderer renderer) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", "joined");
        v.put("meetingId", m.id());
        v.put("meeting", renderer.meeting(m.meeting, !self.guest(), m.locked));
        v.put("self", participant(self, m.spotlight));
        List<Map<String, Object>> all = new ArrayList<>();
        for (LiveParticipant p : m.roster.all()) all.add(participant(p, m.spotlight));
        v.put("participants", all);
        v.put("spotlight", m.spotlight);
        v.put("sharing", m.sharer);
        return v;
    }

    static Map<String, Object> waitingAnswer(LiveMeeting m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", "waiting");
        v.put("meetingId", m.id());
        return v;
    }
}
