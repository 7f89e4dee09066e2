package org.queqiao.server.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.queqiao.media.sfu.TrackSource;
import org.queqiao.platform.json.JsonFields;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.realtime.RequestHandlers;

/** The {@code media.*} operations (docs/meeting-protocol.md): thin, the work is in {@link MeetingMedia}. */
public final class MediaOps {
    /** A browser's offer for a camera, microphone and screen is ~10 KB; the frame limit (64 KiB) bounds it anyway. */
    private static final int MAX_TRACKS = 16;
    /** A 7 × 7 gallery: more tiles than that are too small to be worth a video each. */
    static final int MAX_VIEWED_CAMERAS = 49;

    private MediaOps() {}

    public static void register(RequestHandlers handlers, MeetingMedia media) {
        handlers.register("media.publish", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            return Map.of("sdp", media.publish(p, f.requiredId("meetingId"), sdp(f), sources(d)));
        });
        handlers.register("media.subscribe", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            Boolean restart = f.bool("iceRestart");
            var meetingId = f.requiredId("meetingId");
            return MediaViews.offer(meetingId, media.subscribe(p, meetingId, restart != null && restart));
        });
        handlers.register("media.view", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            media.view(p, f.requiredId("meetingId"), cameras(d), heights(d));
            return null;
        });
        handlers.register("media.answer", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            media.answer(p, f.requiredId("meetingId"), sdp(f), f.requiredLong("version"));
            return null;
        });
    }

    /** {@code cameras: [participantId]}: whose cameras the client shows, at most {@link #MAX_VIEWED_CAMERAS}. */
    private static java.util.Set<java.util.UUID> cameras(JsonNode data) {
        JsonNode cameras = data == null ? null : data.get("cameras");
        if (cameras == null || !cameras.isArray()) throw ProblemException.invalid("cameras", "required", "cameras must list the participant ids whose cameras are shown");
        if (cameras.size() > MAX_VIEWED_CAMERAS) {
            throw ProblemException.invalid("cameras", "too_many_cameras", "at most " + MAX_VIEWED_CAMERAS + " cameras at a time; page the gallery");
        }
        java.util.Set<java.util.UUID> out = new java.util.HashSet<>();
        for (JsonNode c : cameras) {
            try {
                out.add(java.util.UUID.fromString(c.asText()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("cameras", "invalid_participant_id", "each camera is a participant id");
            }
        }
        return out;
    }

    /** The tallest picture a client may ask for (8K); a height says which simulcast layer fits its tile. */
    static final int MAX_HEIGHT = 4320;

    /** {@code heights: {participantId: pixels}}, optional: how tall each shown camera is, in device pixels. */
    private static Map<java.util.UUID, Integer> heights(JsonNode data) {
        JsonNode heights = data == null ? null : data.get("heights");
        if (heights == null || heights.isNull()) return Map.of();
        if (!heights.isObject()) throw ProblemException.invalid("heights", "invalid_heights", "heights maps participant ids to the height shown, in pixels");
        if (heights.size() > MAX_VIEWED_CAMERAS) {
            throw ProblemException.invalid("heights", "too_many_cameras", "at most " + MAX_VIEWED_CAMERAS + " cameras at a time; page the gallery");
        }
        Map<java.util.UUID, Integer> out = new HashMap<>();
        for (var e : heights.properties()) {
            JsonNode h = e.getValue();
            if (!h.isInt() || h.asInt() < 1 || h.asInt() > MAX_HEIGHT) {
                throw ProblemException.invalid("heights", "invalid_height", "each height is a whole number of pixels from 1 to " + MAX_HEIGHT);
            }
            try {
                out.put(java.util.UUID.fromString(e.getKey()), h.asInt());
            } catch (IllegalArgumentException x) {
                throw ProblemException.invalid("heights", "invalid_participant_id", "heights are keyed by participant id");
            }
        }
        return out;
    }

    private static String sdp(JsonFields f) {
        String sdp = f.string("sdp");
        if (sdp == null || sdp.isBlank()) throw ProblemException.invalid("sdp", "required", "sdp is required");
        return sdp;
    }

    /** {@code tracks: [{mid, source}]}: which m-section carries the microphone, the camera, the screen. */
    private static Map<String, TrackSource> sources(JsonNode data) {
        JsonNode tracks = data == null ? null : data.get("tracks");
        if (tracks == null || !tracks.isArray()) throw ProblemException.invalid("tracks", "required", "tracks must list {mid, source} for each m-section sent");
        if (tracks.size() > MAX_TRACKS) throw ProblemException.invalid("tracks", "too_many_tracks", "at most " + MAX_TRACKS + " tracks");
        Map<String, TrackSource> out = new HashMap<>();
        for (JsonNode t : tracks) {
            JsonNode mid = t.get("mid"), source = t.get("source");
            if (mid == null || !mid.isTextual() || source == null || !source.isTextual()) {
                throw ProblemException.invalid("tracks", "invalid_track", "each track needs a string mid and source");
            }
            try {
                out.put(mid.asText(), TrackSource.fromWire(source.asText()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("tracks", "invalid_source", e.getMessage());
            }
        }
        return out;
    }
}
