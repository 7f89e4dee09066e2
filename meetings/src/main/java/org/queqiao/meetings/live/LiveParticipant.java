package org.queqiao.meetings.live;

import java.time.Instant;
import java.util.UUID;

/**
 * One person in a live meeting, as a value: every change makes a new one, so a snapshot handed to
 * the media plane or a push never changes under its reader.
 *
 * @param id           the participant id (stable while the person stays, across devices and reconnects)
 * @param personId     the member id, or the guest id for guests: what makes "the same person"
 * @param memberId     null for guests
 * @param sessionId    the login session (device) in the meeting: pushes go there
 * @param audio        sending audio now (what the SFU forwards)
 * @param mayUnmute    false after a host muted them without letting them unmute
 * @param socketLost   the device's WebSocket closed; {@code mediaLost}: the media plane lost its transport
 * @param epoch        moves on each time the participant starts reconnecting or comes back, so a stale grace timer knows it is stale
 * @param attendanceId the attendance record of this stay
 */
public record LiveParticipant(UUID id, UUID meetingId, UUID personId, UUID memberId, UUID sessionId, String displayName,
                              ParticipantRole role, boolean audio, boolean video, boolean sharing, boolean hand, boolean mayUnmute,
                              boolean socketLost, boolean mediaLost, long epoch, Instant joinedAt, UUID attendanceId) {

    public boolean guest() { return memberId == null; }

    public boolean isHost() { return role == ParticipantRole.HOST; }

    /** Host or co-host. */
    public boolean hosts() { return role != ParticipantRole.ATTENDEE; }

    public boolean reconnecting() { return socketLost || mediaLost; }

    LiveParticipant withRole(ParticipantRole r) {
        return new LiveParticipant(id, meetingId, personId, memberId, sessionId, displayName, r, audio, video, sharing, hand, mayUnmute,
                socketLost, mediaLost, epoch, joinedAt, attendanceId);
    }

    LiveParticipant withAudio(boolean a, boolean unmuteAllowed) {
        return new LiveParticipant(id, meetingId, personId, memberId, sessionId, displayName, role, a, video, sharing, hand, unmuteAllowed,
                socketLost, mediaLost, epoch, joinedAt, attendanceId);
    }

    LiveParticipant withVideo(boolean v) {
        return new LiveParticipant(id, meetingId, personId, memberId, sessionId, displayName, role, audio, v, sharing, hand, mayUnmute,
                socketLost, mediaLost, epoch, joinedAt, attendanceId);
    }

    LiveParticipant withSharing(boolean s) {
        return new LiveParticipant(id, meetingId, personId, memberId, sessionId, displayName, role, audio, video, s, hand, mayUnmute,
                socketLost, mediaLost, epoch, joinedAt, attendanceId);
    }

    LiveParticipant withHand(boolean h) {
        return new LiveParticipant(id, meetingId, personId, memberId, sessionId, displayName, role, audio, video, sharing, h, mayUnmute,
                socketLost, mediaLost, epoch, joinedAt, attendanceId);
    }

    LiveParticipant withName(String n) {
        return new LiveParticipant(id, meetingId, personId, memberId, sessionId, n, role, audio, video, sharing, hand, mayUnmute,
                socketLost, mediaLost, epoch, joinedAt, attendanceId);
    }

    /** Another device of the same person takes over; it starts sending afresh. */
    LiveParticipant onDevice(UUID session) {
        return new LiveParticipant(id, meetingId, personId, memberId, session, displayName, role, false, false, false, hand, mayUnmute,
                false, false, epoch + 1, joinedAt, attendanceId);
    }

    LiveParticipant withConnection(boolean socket, boolean media, long newEpoch) {
        return new LiveParticipant(id, meetingId, personId, memberId, sessionId, displayName, role, audio, video, sharing, hand, mayUnmute,
                socket, media, newEpoch, joinedAt, attendanceId);
    }
}
