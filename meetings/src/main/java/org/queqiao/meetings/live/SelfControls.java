package org.queqiao.meetings.live;

import org.queqiao.meetings.MediaPlane;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What participants do for themselves: say what they are sending, raise a hand, share the screen,
 * chat, leave. Hosts may also lower anyone's hand and stop anyone's sharing.
 */
public final class SelfControls {
    public static final int MAX_CHAT_CHARS = 2000;

    private final MeetingAccess access;
    private final Departures departures;
    private final MeetingPushes pushes;
    private final MediaPlane media;
    private final Clock clock;

    SelfControls(MeetingAccess access, Departures departures, MeetingPushes pushes, MediaPlane media, Clock clock) {
        this.access = access;
        this.departures = departures;
        this.pushes = pushes;
        this.media = media;
        this.clock = clock;
    }

    /** What I am sending now ({@code null}: unchanged). Unmuting after a host mute needs the host's leave. */
    public void state(Principal caller, UUID meetingId, Boolean audio, Boolean video) {
        access.act(caller, meetingId, (m, self) -> {
            if (Boolean.TRUE.equals(audio) && !self.audio() && !self.mayUnmute()) {
                throw ProblemException.forbidden("unmute_not_allowed", "A host muted you; wait until a host asks you to unmute");
            }
            LiveParticipant p = self;
            if (audio != null) p = p.withAudio(audio, self.mayUnmute());
            if (video != null) p = p.withVideo(video);
            m.roster.put(p);
            media.forwarding(m.id(), p.id(), p.audio(), p.video());
            pushes.participant(m, p);
            return null;
        });
    }

    /** Raises or lowers my hand; hosts may lower anyone's ({@code participantId}). */
    public void hand(Principal caller, UUID meetingId, UUID participantId, boolean raised) {
        access.act(caller, meetingId, (m, self) -> {
            LiveParticipant target = participantId == null ? self : m.roster.require(participantId);
            if (!target.id().equals(self.id())) {
                ControlRules.requireHosts(self);
                if (raised) throw ProblemException.invalid("raised", "invalid_value", "Hosts may lower someone's hand, not raise it");
            }
            LiveParticipant p = target.withHand(raised);
            m.roster.put(p);
            pushes.participant(m, p);
            return null;
        });
    }

    /** Starts or stops my screen sharing (one sharer at a time); hosts may stop anyone's. */
    public void share(Principal caller, UUID meetingId, UUID participantId, boolean sharing) {
        access.act(caller, meetingId, (m, self) -> {
            LiveParticipant target = participantId == null ? self : m.roster.require(participantId);
            if (!target.id().equals(self.id())) {
                ControlRules.requireHosts(self);
                if (sharing) throw ProblemException.invalid("sharing", "invalid_value", "Hosts may stop someone's sharing, not start it");
            }
            if (sharing && m.sharer != null && !m.sharer.equals(target.id())) {
                throw ProblemException.conflict("share_in_progress", "Someone else is sharing; ask them or a host to stop first", null);
            }
            if (!sharing && !target.id().equals(m.sharer) && !target.sharing()) return null;
            m.sharer = sharing ? target.id() : null;
            LiveParticipant p = target.withSharing(sharing);
            m.roster.put(p);
            pushes.participant(m, p);
            pushes.settings(m);
            return null;
        });
    }

    /** In-meeting chat to everyone present. @return when it was said */
    public Instant chat(Principal caller, UUID meetingId, String text) {
        String t = chatText(text);
        return access.act(caller, meetingId, (m, self) -> {
            Instant at = clock.instant();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("meetingId", m.id());
            d.put("from", self.id());
            d.put("displayName", self.displayName());
            d.put("text", t);
            d.put("at", at);
            pushes.toAll(m, MeetingTopics.CHAT, d);
            return at;
        });
    }

    public void leave(Principal caller, UUID meetingId) {
        access.act(caller, meetingId, (m, self) -> {
            departures.leave(m, self, "left");
            return null;
        });
    }

    /** Like a chat message: line breaks and tabs are fine, other control characters are not. */
    static String chatText(String text) {
        if (text == null || text.isBlank()) throw ProblemException.invalid("text", "required", "text is required");
        String t = text.strip();
        int len = t.codePointCount(0, t.length());
        if (len > MAX_CHAT_CHARS) {
            throw new ProblemException(400, "text_too_long", "Meeting chat messages are limited to " + MAX_CHAT_CHARS + " characters", "text",
                    Map.of("limit", MAX_CHAT_CHARS, "length", len));
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw ProblemException.invalid("text", "control_character", "text must not contain control characters");
            }
        }
        return t;
    }
}
