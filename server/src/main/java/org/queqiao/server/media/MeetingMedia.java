package org.queqiao.server.media;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.queqiao.media.sdp.SdpException;
import org.queqiao.media.sfu.MediaEvents;
import org.queqiao.media.sfu.MediaRouter;
import org.queqiao.media.sfu.SubscribeOffer;
import org.queqiao.media.sfu.TrackSource;
import org.queqiao.meetings.MediaPlane;
import org.queqiao.meetings.live.LiveMeetings;
import org.queqiao.meetings.live.LiveParticipant;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.realtime.Pushes;

/**
 * Joins the meetings control plane to the SFU. Meetings and participants are UUIDs on one side and
 * opaque room and participant ids on the other; this class is the only place that knows both. Only a
 * participant who has joined (not one in the waiting room) may publish or subscribe, and only in its
 * own meeting.
 */
public final class MeetingMedia implements MediaPlane, MediaEvents {
    private final MediaRouter router;
    private final Pushes pushes;
    /** Where each participant's subscribe offers go: the device (login session) that asked last. */
    private final Map<String, UUID> devices = new ConcurrentHashMap<>();
    private volatile LiveMeetings live;

    public MeetingMedia(MediaRouter router, Pushes pushes) {
        this.router = router;
        this.pushes = pushes;
    }

    /** The live meetings need the media plane to be built, and this needs them back: wired once, at start. */
    public void attach(LiveMeetings meetings) { this.live = meetings; }

    public String publish(Principal caller, UUID meetingId, String offerSdp, Map<String, TrackSource> sources) {
        LiveParticipant p = participant(caller, meetingId);
        devices.put(key(meetingId, p.id()), caller.sessionId());
        try {
            return router.publish(meetingId.toString(), p.id().toString(), offerSdp, sources);
        } catch (SdpException e) {
            throw ProblemException.invalid("sdp", "invalid_sdp", e.getMessage());
        }
    }

    public SubscribeOffer subscribe(Principal caller, UUID meetingId, boolean iceRestart) {
        LiveParticipant p = participant(caller, meetingId);
        devices.put(key(meetingId, p.id()), caller.sessionId());
        return router.subscribe(meetingId.toString(), p.id().toString(), iceRestart);
    }

    public void answer(Principal caller, UUID meetingId, String answerSdp, long version) {
        LiveParticipant p = participant(caller, meetingId);
        try {
            router.answer(meetingId.toString(), p.id().toString(), answerSdp, version);
        } catch (SdpException e) {
            throw ProblemException.invalid("sdp", "invalid_sdp", e.getMessage());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("not_subscribed", "Call media.subscribe before answering.", null);
        }
    }

    /**
     * The cameras the caller shows: only they are forwarded to it (ids of people not in the meeting are ignored),
     * each in the simulcast layer that fits the height it is shown at.
     */
    public void view(Principal caller, UUID meetingId, java.util.Set<UUID> cameras, Map<UUID, Integer> heights) {
        LiveParticipant p = participant(caller, meetingId);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (UUID c : cameras) ids.add(c.toString());
        Map<String, Integer> byId = new java.util.HashMap<>();
        heights.forEach((id, h) -> byId.put(id.toString(), h));
        try {
            router.view(meetingId.toString(), p.id().toString(), ids, byId);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("not_subscribed", "Call media.subscribe before choosing what to view.", null);
        }
    }

    private LiveParticipant participant(Principal caller, UUID meetingId) {
        Optional<LiveParticipant> p = live.participant(meetingId, caller);
        return p.orElseThrow(() -> ProblemException.forbidden("not_in_meeting", "Join the meeting (meeting.join) before sending media."));
    }

    private static String key(UUID meetingId, UUID participantId) { return meetingId + "/" + participantId; }

    // --- what meetings tell the media plane

    @Override
    public void participantLeft(UUID meetingId, UUID participantId) {
        devices.remove(key(meetingId, participantId));
        router.leave(meetingId.toString(), participantId.toString());
    }

    @Override
    public void forwarding(UUID meetingId, UUID participantId, boolean audio, boolean video) {
        router.forwarding(meetingId.toString(), participantId.toString(), audio, video);
    }

    @Override
    public void meetingEnded(UUID meetingId) {
        devices.keySet().removeIf(k -> k.startsWith(meetingId + "/"));
        router.closeRoom(meetingId.toString());
    }

    // --- what the media plane tells meetings (on the router's event thread)

    @Override
    public void activeSpeaker(String roomId, String participantId) {
        live.activeSpeaker(UUID.fromString(roomId), UUID.fromString(participantId));
    }

    @Override
    public void connectionLost(String roomId, String participantId) {
        live.mediaConnectionLost(UUID.fromString(roomId), UUID.fromString(participantId));
    }

    @Override
    public void connectionRestored(String roomId, String participantId) {
        live.mediaConnectionRestored(UUID.fromString(roomId), UUID.fromString(participantId));
    }

    @Override
    public void subscriberOffer(String roomId, String participantId, SubscribeOffer offer) {
        UUID device = devices.get(roomId + "/" + participantId);
        if (device != null) pushes.pushToSession(device, "media.offer", MediaViews.offer(UUID.fromString(roomId), offer));
    }
}
