package org.queqiao.media.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The participants of one meeting's media and which streams exist. The room's lock orders changes to
 * who publishes what and who subscribes, so a stream is offered to every subscriber exactly once, however
 * joins, leaves and publishes interleave. The packet path never takes it.
 */
final class Room {
    private final String id;
    private final MediaRouter router;
    private final Map<String, ParticipantMedia> participants = new ConcurrentHashMap<>();
    private final SpeakerTracker speakers;

    Room(String id, MediaRouter router) {
        this.id = id;
        this.router = router;
        this.speakers = new SpeakerTracker(this);
    }

    String id() { return id; }

    MediaRouter router() { return router; }

    SpeakerTracker speakers() { return speakers; }

    ParticipantMedia participant(String participantId) {
        return participants.computeIfAbsent(participantId, pid -> new ParticipantMedia(pid, this));
    }

    /** The participant's media, or null when it has none here. */
    ParticipantMedia existing(String participantId) {
        return participants.get(participantId);
    }

    /** Streams came and went in one negotiation: every other subscriber gets one offer for all of it. */
    synchronized void changed(ParticipantMedia publisher, List<IncomingStream> added, List<IncomingStream> removed) {
        if (added.isEmpty() && removed.isEmpty()) return;
        for (ParticipantMedia p : participants.values()) if (p != publisher) p.streamsChanged(added, removed);
    }

    /** Attaches a new subscribe session and offers it every stream published by the others. */
    synchronized void attach(ParticipantMedia subscriber, SubscriberSession session) {
        subscriber.subscriberAttached(session);
        for (ParticipantMedia p : participants.values()) {
            if (p == subscriber) continue;
            for (IncomingStream s : p.streams()) session.track(s);
        }
    }

    void remove(String participantId) {
        ParticipantMedia p = participants.remove(participantId);
        if (p == null) return;
        changed(p, List.of(), new ArrayList<>(p.streams()));
        p.close();
        speakers.forget(participantId);
    }

    void tick(long nowNanos) {
        for (ParticipantMedia p : participants.values()) p.tick(nowNanos);
    }

    void close() {
        for (String pid : List.copyOf(participants.keySet())) remove(pid);
    }
}
