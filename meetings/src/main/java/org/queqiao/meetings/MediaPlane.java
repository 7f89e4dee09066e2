package org.queqiao.meetings;

import java.util.UUID;

/**
 * What the meetings control plane tells the media plane (the SFU router). Calls are made while the
 * meeting's state is locked, so they must return quickly and never call back into meetings on the
 * same thread. The other direction — transport lost or restored, who is speaking — are methods of
 * {@link org.queqiao.meetings.live.LiveMeetings}.
 */
public interface MediaPlane {
    /** The participant left, was removed, timed out or moved to another device: close its transports. */
    void participantLeft(UUID meetingId, UUID participantId);

    /**
     * Which of the participant's media may be forwarded to others. False after a host muted them or
     * stopped their video, and whenever they said they are not sending; enforced by the SFU even if
     * the client keeps sending.
     */
    void forwarding(UUID meetingId, UUID participantId, boolean audio, boolean video);

    /** The meeting ended for everyone: close every transport of it. */
    void meetingEnded(UUID meetingId);
}
