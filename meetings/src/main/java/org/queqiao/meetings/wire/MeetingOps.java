package org.queqiao.meetings.wire;

import org.queqiao.meetings.live.LiveMeetings;
import org.queqiao.meetings.live.ParticipantRole;
import org.queqiao.platform.json.JsonFields;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.realtime.RequestHandler;
import org.queqiao.platform.realtime.RequestHandlers;

import java.util.Map;
import java.util.UUID;

/**
 * The meeting.* operations (docs/meeting-protocol.md). Thin: read the fields, call the live
 * service. Every operation's data holds {@code meetingId}; changes reach everyone as pushes, so most
 * answers are empty.
 */
public final class MeetingOps {
    private MeetingOps() {}

    @FunctionalInterface
    private interface MeetingHandler {
        Object handle(org.queqiao.platform.auth.Principal p, UUID meetingId, JsonFields f);
    }

    public static void register(RequestHandlers handlers, LiveMeetings live) {
        op(handlers, "meeting.join", (p, id, f) -> live.joins().join(p, id, f.string("passcode"), flag(f, "audio"), flag(f, "video")));
        op(handlers, "meeting.leave", (p, id, f) -> run(() -> live.self().leave(p, id)));
        op(handlers, "meeting.end", (p, id, f) -> run(() -> live.controls().end(p, id)));
        op(handlers, "meeting.admit", (p, id, f) -> Map.of("admitted", live.lobby().admit(p, id, f.ids("participantIds"), flag(f, "all"))));
        op(handlers, "meeting.deny", (p, id, f) -> Map.of("denied", live.lobby().deny(p, id, f.ids("participantIds"), flag(f, "all"))));
        op(handlers, "meeting.lock", (p, id, f) -> run(() -> live.controls().lock(p, id, required(f, "locked"))));
        op(handlers, "meeting.mute", (p, id, f) -> Map.of("muted",
                live.participants().mute(p, id, f.id("participantId"), flag(f, "all"), flag(f, "allowUnmute"))));
        op(handlers, "meeting.ask-unmute", (p, id, f) -> run(() -> live.participants().askToUnmute(p, id, f.id("participantId"))));
        op(handlers, "meeting.stop-video", (p, id, f) -> run(() -> live.participants().stopVideo(p, id, f.id("participantId"))));
        op(handlers, "meeting.remove", (p, id, f) -> run(() -> live.participants().remove(p, id, f.id("participantId"))));
        op(handlers, "meeting.rename", (p, id, f) -> run(() -> live.participants().rename(p, id, f.id("participantId"), f.string("displayName"))));
        op(handlers, "meeting.spotlight", (p, id, f) -> run(() -> live.controls().spotlight(p, id, f.id("participantId"))));
        op(handlers, "meeting.role", (p, id, f) -> run(() -> live.controls().role(p, id, f.id("participantId"),
                f.oneOf("role", ParticipantRole::fromWire, "cohost, attendee"))));
        op(handlers, "meeting.transfer-host", (p, id, f) -> run(() -> live.controls().transferHost(p, id, f.id("participantId"))));
        op(handlers, "meeting.hand", (p, id, f) -> run(() -> live.self().hand(p, id, f.id("participantId"), required(f, "raised"))));
        op(handlers, "meeting.state", (p, id, f) -> run(() -> live.self().state(p, id, f.bool("audio"), f.bool("video"))));
        op(handlers, "meeting.share", (p, id, f) -> run(() -> live.self().share(p, id, f.id("participantId"), required(f, "sharing"))));
        op(handlers, "meeting.chat", (p, id, f) -> Map.of("at", live.self().chat(p, id, f.string("text"))));
    }

    private static void op(RequestHandlers handlers, String name, MeetingHandler h) {
        RequestHandler handler = (p, data) -> {
            JsonFields f = JsonFields.of(data);
            return h.handle(p, f.requiredId("meetingId"), f);
        };
        handlers.register(name, handler);
    }

    private static Object run(Runnable r) {
        r.run();
        return null;
    }

    private static boolean flag(JsonFields f, String field) {
        Boolean b = f.bool(field);
        return b != null && b;
    }

    private static boolean required(JsonFields f, String field) {
        Boolean b = f.bool(field);
        if (b == null) throw ProblemException.invalid(field, "required", field + " is required (true or false)");
        return b;
    }
}
