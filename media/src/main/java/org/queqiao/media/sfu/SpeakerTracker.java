package org.queqiao.media.sfu;

import java.util.HashMap;
import java.util.Map;
import org.queqiao.media.forward.ActiveSpeakerDetector;

/**
 * Who in a room is speaking, from the audio levels publishers put in their packets. Re-evaluated at most
 * every {@link #EVALUATE_EVERY_MILLIS}; a change is reported to the meeting layer once. Synchronized:
 * audio packets arrive at ~50/s per speaker, far too few for the lock to matter.
 */
final class SpeakerTracker {
    static final long EVALUATE_EVERY_MILLIS = 100;
    private static final int MAX_SPEAKERS = 1024;

    private final Room room;
    private final ActiveSpeakerDetector detector = new ActiveSpeakerDetector(MAX_SPEAKERS);
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<Long, String> participants = new HashMap<>();
    private long nextId;
    private long lastEvaluation;

    SpeakerTracker(Room room) { this.room = room; }

    synchronized void level(String participantId, int levelDbov, long nowMillis) {
        Long id = ids.get(participantId);
        if (id == null) {
            id = nextId++;
            if (!detector.addStream(id)) return;
            ids.put(participantId, id);
            participants.put(id, participantId);
        }
        detector.onAudioLevel(id, levelDbov, nowMillis);
        if (nowMillis - lastEvaluation < EVALUATE_EVERY_MILLIS) return;
        lastEvaluation = nowMillis;
        if (detector.update(nowMillis) && detector.hasDominantSpeaker()) {
            String speaker = participants.get(detector.dominantSpeaker());
            MediaRouter router = room.router();
            router.emit(() -> router.events().activeSpeaker(room.id(), speaker));
        }
    }

    synchronized void forget(String participantId) {
        Long id = ids.remove(participantId);
        if (id == null) return;
        participants.remove(id);
        detector.removeStream(id);
    }
}
