package org.queqiao.meetings.live;

import org.queqiao.platform.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Dropped connections. When a participant's device loses its WebSocket, or the media plane loses
 * its transport, the participant shows {@code reconnecting} and keeps its place for the grace
 * period; meeting.join from the same device (or the media coming back) restores it, and after the
 * grace it leaves with reason {@code timeout} (a host's role passes on then). People in the waiting
 * room whose device went away simply leave it.
 */
final class Reconnects {
    private static final Logger log = LoggerFactory.getLogger(Reconnects.class);

    private final Registry registry;
    private final Departures departures;
    private final MeetingPushes pushes;
    private final ScheduledExecutorService timers;
    private final Duration grace;

    Reconnects(Registry registry, Departures departures, MeetingPushes pushes, ScheduledExecutorService timers, Duration grace) {
        this.registry = registry;
        this.departures = departures;
        this.pushes = pushes;
        this.timers = timers;
        this.grace = grace;
    }

    /** From the gateway's network thread: the work happens on the timer thread. */
    void deviceDisconnected(Principal p) {
        try {
            timers.execute(() -> guarded(() -> {
                for (LiveMeeting m : registry.all()) socketLost(m, p);
            }));
        } catch (RejectedExecutionException shuttingDown) {
            // the node is stopping: every meeting on it goes anyway
        }
    }

    private void socketLost(LiveMeeting m, Principal device) {
        synchronized (m) {
            if (m.closed || !m.meeting.orgId().equals(device.orgId())) return;
            LiveParticipant p = m.roster.byPerson(device.memberId());
            if (p != null && p.sessionId().equals(device.sessionId())) lost(m, p, true, false);
            Arrival w = m.waiting.byPerson(device.memberId());
            if (w != null && w.sessionId().equals(device.sessionId())) departures.leftWaitingRoom(m, w);
        }
    }

    void mediaLost(UUID meetingId, UUID participantId) {
        LiveMeeting m = registry.get(meetingId);
        if (m == null) return;
        synchronized (m) {
            LiveParticipant p = m.closed ? null : m.roster.get(participantId);
            if (p != null) lost(m, p, false, true);
        }
    }

    void mediaRestored(UUID meetingId, UUID participantId) {
        LiveMeeting m = registry.get(meetingId);
        if (m == null) return;
        synchronized (m) {
            LiveParticipant p = m.closed ? null : m.roster.get(participantId);
            if (p == null || !p.mediaLost()) return;
            LiveParticipant back = p.withConnection(p.socketLost(), false, p.socketLost() ? p.epoch() : p.epoch() + 1);
            m.roster.put(back);
            if (!back.reconnecting()) pushes.participant(m, back);
        }
    }

    /** The first loss starts the grace period; a second kind of loss meanwhile does not extend it. */
    private void lost(LiveMeeting m, LiveParticipant p, boolean socket, boolean media) {
        boolean already = p.reconnecting();
        LiveParticipant n = p.withConnection(p.socketLost() || socket, p.mediaLost() || media, already ? p.epoch() : p.epoch() + 1);
        m.roster.put(n);
        if (already) return;
        pushes.participant(m, n);
        long epoch = n.epoch();
        try {
            timers.schedule(() -> guarded(() -> expire(m, n.id(), epoch)), grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the node is stopping
        }
    }

    private void expire(LiveMeeting m, UUID participantId, long epoch) {
        synchronized (m) {
            if (m.closed) return;
            LiveParticipant p = m.roster.get(participantId);
            if (p != null && p.reconnecting() && p.epoch() == epoch) departures.leave(m, p, "timeout");
        }
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("meeting timer work failed", e);
        }
    }
}
