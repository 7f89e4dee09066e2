package org.queqiao.meetings.live;

import org.queqiao.meetings.MediaPlane;
import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingDirectory;
import org.queqiao.meetings.MeetingStatus;
import org.queqiao.meetings.store.AttendanceStore;
import org.queqiao.meetings.store.GuestStore;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Test doubles for the live meeting service: stores in maps, and recorders for pushes and the media plane. */
final class InMemoryMeetings {
    private InMemoryMeetings() {}

    static final class Meetings implements MeetingStore {
        final Map<UUID, Meeting> byId = new ConcurrentHashMap<>();

        @Override public boolean insert(Meeting m) { return byId.putIfAbsent(m.id(), m) == null; }
        @Override public Optional<Meeting> find(UUID orgId, UUID id) { return Optional.ofNullable(byId.get(id)).filter(m -> m.orgId().equals(orgId)); }
        @Override public Optional<Meeting> findByNumber(String number) { return byId.values().stream().filter(m -> m.number().equals(number)).findFirst(); }
        @Override public Optional<Meeting> findPersonalRoom(UUID orgId, UUID hostId) { return Optional.empty(); }
        @Override public List<Meeting> listOwnedBy(UUID orgId, UUID hostId, Instant afterSort, UUID afterId, int limit) { return List.of(); }
        @Override public void update(Meeting m) { byId.put(m.id(), m); }
        @Override public void setStatus(UUID id, MeetingStatus status) { byId.computeIfPresent(id, (k, m) -> m.withStatus(status)); }
        @Override public void cancel(UUID id, Instant at) { byId.remove(id); }
        @Override public int handover(UUID orgId, UUID from, UUID to, Instant at) { return 0; }
    }

    static final class Attendance implements AttendanceStore {
        final List<AttendanceRecord> records = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override public void runStarted(UUID runId, UUID meetingId, UUID orgId, Instant at) { events.add("run-started"); }
        @Override public void runEnded(UUID runId, Instant at, String reason) { events.add("run-ended:" + reason); }
        @Override public void closeStaleRuns(UUID meetingId, Instant at) {}
        @Override public void joined(AttendanceRecord r) { records.add(r); }
        @Override public void left(UUID recordId, Instant at, String reason) { events.add("left:" + reason); }
        @Override public Page<AttendanceRecord> sessions(UUID meetingId, PageRequest page) { return new Page<>(records, null); }
        @Override public List<MeetingRun> runs(UUID meetingId) { return List.of(); }
    }

    static final class Guests implements GuestStore {
        @Override public void insert(GuestPass pass, byte[] tokenHash) {}
        @Override public Optional<GuestPass> findLive(byte[] tokenHash, Instant now) { return Optional.empty(); }
        @Override public Optional<GuestPass> find(UUID guestId) { return Optional.empty(); }
        @Override public void revoke(UUID guestId) {}
        @Override public void revokeForMeeting(UUID meetingId) {}
    }

    /** Everyone is an active member called "Member"; capacity 100. */
    static final class Directory implements MeetingDirectory {
        @Override public Optional<String> activeMemberName(UUID orgId, UUID memberId) { return Optional.of("Member"); }
        @Override public Capacity meetingCapacity(UUID orgId) { return new Capacity(100, "free"); }
        @Override public String organizationName(UUID orgId) { return "Org"; }
    }

    record Push(UUID sessionId, String topic, Object data) {}

    static final class RecordingPushes implements Pushes {
        final List<Push> sent = new CopyOnWriteArrayList<>();

        @Override public void pushToMember(UUID orgId, UUID memberId, String topic, Object data) {}
        @Override public void pushToMembers(UUID orgId, Collection<UUID> memberIds, String topic, Object data) {}
        @Override public void pushToSession(UUID sessionId, String topic, Object data) { sent.add(new Push(sessionId, topic, data)); }
        @Override public void disconnectMember(UUID memberId, String code) {}
        @Override public void disconnectSessions(Collection<UUID> sessionIds, String code) {}
        @Override public int connectionCount() { return 0; }

        List<Push> to(UUID sessionId, String topic) {
            List<Push> out = new ArrayList<>();
            for (Push p : sent) if (p.sessionId().equals(sessionId) && p.topic().equals(topic)) out.add(p);
            return out;
        }
    }

    /** What the media plane was told, one line per call. */
    static final class RecordingMediaPlane implements MediaPlane {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override public void participantLeft(UUID meetingId, UUID participantId) { calls.add("left " + participantId); }
        @Override public void forwarding(UUID meetingId, UUID participantId, boolean audio, boolean video) {
            calls.add("forwarding " + participantId + " audio=" + audio + " video=" + video);
        }
        @Override public void meetingEnded(UUID meetingId) { calls.add("ended " + meetingId); }
    }

    static final Transactor DIRECT = new Transactor() {
        @Override public <T> T inTransaction(Supplier<T> work) { return work.get(); }
        @Override public void afterCommit(Runnable action) { action.run(); }
    };
}
