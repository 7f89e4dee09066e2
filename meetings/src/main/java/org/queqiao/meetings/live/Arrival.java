package org.queqiao.meetings.live;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone entering a meeting: straight in, or first into the waiting room. {@code id} becomes their
 * participant id once admitted; {@code owner} is the meeting's owner (who takes the host role).
 */
record Arrival(UUID id, UUID personId, UUID memberId, UUID sessionId, String displayName, boolean audio, boolean video, boolean owner,
               Instant since) {
    Arrival onDevice(UUID session) {
        return new Arrival(id, personId, memberId, session, displayName, audio, video, owner, since);
    }
}
