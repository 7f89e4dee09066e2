package org.queqiao.meetings.wire;

import org.queqiao.meetings.AttendanceReport;
import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingDirectory;
import org.queqiao.meetings.live.MeetingRenderer;
import org.queqiao.meetings.store.AttendanceStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of meetings (docs/meeting-protocol.md), shared by the HTTP API and realtime
 * answers. Over HTTP the invite link is built from the request's base URL; over the WebSocket from
 * http.public-url (null when that is not set).
 */
public final class MeetingViews implements MeetingRenderer {
    private final MeetingDirectory directory;
    private final String configuredBaseUrl;

    public MeetingViews(MeetingDirectory directory, String configuredBaseUrl) {
        this.directory = directory;
        this.configuredBaseUrl = configuredBaseUrl == null ? null : trimSlash(configuredBaseUrl);
    }

    @Override
    public Map<String, Object> meeting(Meeting m, boolean showPasscode, boolean locked) {
        return meeting(m, configuredBaseUrl, showPasscode, locked);
    }

    public Map<String, Object> meeting(Meeting m, String baseUrl, boolean showPasscode, boolean locked) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("number", m.number());
        v.put("numberDisplay", org.queqiao.meetings.MeetingNumber.display(m.number()));
        v.put("title", m.title());
        v.put("hostId", m.hostId());
        v.put("kind", m.kind().wire());
        v.put("startAt", m.startAt());
        v.put("durationMinutes", m.durationMinutes());
        v.put("hasPasscode", m.hasPasscode());
        if (showPasscode) v.put("passcode", m.passcode());
        v.put("settings", m.settings().toMap());
        v.put("status", m.status().wire());
        v.put("locked", locked);
        v.put("inviteUrl", inviteUrl(baseUrl, m));
        v.put("capacity", directory.meetingCapacity(m.orgId()).limit());
        v.put("createdAt", m.createdAt());
        return v;
    }

    /** What anyone may learn from a meeting number, signed in or not. */
    public Map<String, Object> publicSummary(Meeting m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("number", m.number());
        v.put("title", m.title());
        v.put("hasPasscode", m.hasPasscode());
        v.put("allowGuests", m.settings().allowGuests());
        v.put("status", m.status().wire());
        v.put("organization", directory.organizationName(m.orgId()));
        return v;
    }

    public static String inviteUrl(String baseUrl, Meeting m) {
        return baseUrl == null ? null : trimSlash(baseUrl) + "/join/" + m.number();
    }

    public static Map<String, Object> attendance(AttendanceReport.Report r) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (AttendanceStore.MeetingRun run : r.runs()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", run.id());
            v.put("startedAt", run.startedAt());
            v.put("endedAt", run.endedAt());
            runs.add(v);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (AttendanceStore.AttendanceRecord s : r.sessions().items()) items.add(session(s, r.now()));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("runs", runs);
        v.put("items", items);
        v.put("nextCursor", r.sessions().nextCursor());
        return v;
    }

    private static Map<String, Object> session(AttendanceStore.AttendanceRecord s, Instant now) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("runId", s.runId());
        v.put("participantId", s.participantId());
        v.put("memberId", s.memberId());
        v.put("guest", s.memberId() == null);
        v.put("displayName", s.displayName());
        v.put("joinedAt", s.joinedAt());
        v.put("leftAt", s.leftAt());
        v.put("reason", s.reason());
        v.put("participantMinutes", AttendanceReport.minutes(s, now));
        return v;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
