package org.queqiao.meetings.live;

import org.queqiao.meetings.MediaPlane;
import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.MeetingDirectory;
import org.queqiao.meetings.MeetingsConfig;
import org.queqiao.meetings.PasscodeThrottle;
import org.queqiao.meetings.store.AttendanceStore;
import org.queqiao.meetings.store.GuestStore;
import org.queqiao.meetings.store.MeetingStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.realtime.Pushes;
import org.queqiao.platform.tx.Transactor;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The meetings running on this node, in memory (a meeting's media is on one node, so its control
 * state is too), and their operations: {@link #joins()}, {@link #lobby()}, {@link #participants()},
 * {@link #controls()}, {@link #self()}. Also the seam to the media plane — the inbound events
 * ({@link #mediaConnectionLost}, {@link #mediaConnectionRestored}, {@link #activeSpeaker}) and the
 * participant lookup the media operations authorise with ({@link #participant}) — and to the gateway
 * ({@link #deviceDisconnected}).
 */
public final class LiveMeetings implements AutoCloseable {
    private final Registry registry = new Registry();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("meetings-timers").daemon().factory());
    private final MeetingPushes pushes;
    private final Departures departures;
    private final Reconnects reconnects;
    private final JoinFlow joins;
    private final Lobby lobby;
    private final ParticipantControls participants;
    private final MeetingControls controls;
    private final SelfControls self;

    public LiveMeetings(MeetingStore meetings, AttendanceStore attendanceStore, GuestStore guests, MeetingDirectory directory, MediaPlane media,
                        Pushes realtime, Transactor tx, MeetingsConfig config, PasscodeThrottle throttle, MeetingRenderer renderer, Clock clock) {
        this.pushes = new MeetingPushes(realtime);
        MeetingAccess access = new MeetingAccess(registry, meetings);
        AttendanceLog attendance = new AttendanceLog(attendanceStore, meetings, tx, clock);
        HostFailover failover = new HostFailover(pushes);
        this.departures = new Departures(registry, attendance, failover, pushes, media, guests);
        Admission admission = new Admission(directory, attendance, failover, pushes, media, clock);
        this.reconnects = new Reconnects(registry, departures, pushes, timers, config.reconnectGrace());
        this.joins = new JoinFlow(access, registry, meetings, guests, directory, throttle, admission, pushes, media, renderer, clock);
        this.lobby = new Lobby(access, admission, departures, pushes, renderer);
        this.participants = new ParticipantControls(access, departures, pushes, media, guests);
        this.controls = new MeetingControls(access, departures, pushes);
        this.self = new SelfControls(access, departures, pushes, media, clock);
    }

    public JoinFlow joins() { return joins; }

    public Lobby lobby() { return lobby; }

    public ParticipantControls participants() { return participants; }

    public MeetingControls controls() { return controls; }

    public SelfControls self() { return self; }

    /**
     * For the media operations: the caller's participant in the meeting, if the caller has joined it
     * (not merely waiting) from this device. Empty for anyone else, including another organisation
     * and a guest whose link was for another meeting.
     */
    public Optional<LiveParticipant> participant(UUID meetingId, Principal caller) {
        LiveMeeting m = registry.get(meetingId);
        if (m == null || !MeetingAccess.inScope(caller, meetingId)) return Optional.empty();
        synchronized (m) {
            if (m.closed || !m.meeting.orgId().equals(caller.orgId())) return Optional.empty();
            LiveParticipant p = m.roster.byPerson(caller.memberId());
            return p != null && p.sessionId().equals(caller.sessionId()) ? Optional.of(p) : Optional.empty();
        }
    }

    /** The media plane lost the participant's transport: it shows reconnecting, within the grace period. */
    public void mediaConnectionLost(UUID meetingId, UUID participantId) {
        reconnects.mediaLost(meetingId, participantId);
    }

    public void mediaConnectionRestored(UUID meetingId, UUID participantId) {
        reconnects.mediaRestored(meetingId, participantId);
    }

    /** The media plane's choice of who is speaking now: pushed to everyone as meeting.active-speaker. */
    public void activeSpeaker(UUID meetingId, UUID participantId) {
        LiveMeeting m = registry.get(meetingId);
        if (m == null) return;
        synchronized (m) {
            if (m.closed || m.roster.get(participantId) == null) return;
            pushes.toAll(m, MeetingTopics.ACTIVE_SPEAKER, MeetingPushes.data(m, "participantId", participantId));
        }
    }

    /** From the gateway: a device's last socket on this node closed. */
    public void deviceDisconnected(Principal device) {
        reconnects.deviceDisconnected(device);
    }

    /** Offboarding: the member leaves every meeting on this node at once. */
    public void memberDeactivated(UUID orgId, UUID memberId) {
        for (LiveMeeting m : registry.all()) {
            synchronized (m) {
                if (m.closed || !m.meeting.orgId().equals(orgId)) continue;
                Arrival w = m.waiting.byPerson(memberId);
                if (w != null) departures.leftWaitingRoom(m, w);
                LiveParticipant p = m.roster.byPerson(memberId);
                if (p == null) continue;
                pushes.toOne(p.sessionId(), MeetingTopics.REMOVED, Map.of("meetingId", m.id(), "reason", "deactivated"));
                m.removed.add(memberId);
                departures.leave(m, p, "removed");
            }
        }
    }

    /** The meeting's details changed (title, passcode, settings): a running meeting uses them from now on. */
    public void meetingChanged(Meeting changed) {
        LiveMeeting m = registry.get(changed.id());
        if (m == null) return;
        synchronized (m) {
            if (!m.closed) m.meeting = changed.withStatus(m.meeting.status());
        }
    }

    /** Ends a running meeting for everyone (the owner cancelled it). */
    public void endIfRunning(UUID meetingId) {
        LiveMeeting m = registry.get(meetingId);
        if (m == null) return;
        synchronized (m) {
            if (!m.closed) departures.endForAll(m);
        }
    }

    public boolean isLocked(UUID meetingId) {
        LiveMeeting m = registry.get(meetingId);
        if (m == null) return false;
        synchronized (m) {
            return !m.closed && m.locked;
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
