package org.queqiao.meetings.live;

/** Push topics of live meetings (docs/meeting-protocol.md). Every push's data carries {@code meetingId}. */
public final class MeetingTopics {
    /** To everyone: a participant joined or changed ({@code participant}). */
    public static final String PARTICIPANT = "meeting.participant";
    /** To everyone: {@code participantId} left, {@code reason}: left, removed, timeout. */
    public static final String LEFT = "meeting.left";
    /** To everyone: {@code locked}, {@code spotlight}, {@code sharing}. */
    public static final String SETTINGS = "meeting.settings";
    public static final String CHAT = "meeting.chat";
    public static final String ACTIVE_SPEAKER = "meeting.active-speaker";
    /** To everyone, including the waiting room: the host ended the meeting. */
    public static final String ENDED = "meeting.ended";
    /** To hosts: {@code waiting}, the list. */
    public static final String WAITING = "meeting.waiting";
    /** To one person: admitted from the waiting room (with what meeting.join answers), or denied. */
    public static final String ADMITTED = "meeting.admitted";
    public static final String DENIED = "meeting.denied";
    /** To one participant. */
    public static final String MUTED = "meeting.muted";
    public static final String UNMUTE_REQUESTED = "meeting.unmute-requested";
    public static final String VIDEO_STOPPED = "meeting.video-stopped";
    /** To one participant: {@code reason}: removed, joined_elsewhere, deactivated. */
    public static final String REMOVED = "meeting.removed";

    private MeetingTopics() {}
}
