package org.queqiao.server.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.queqiao.media.sfu.SubscribeOffer;

/** The JSON shapes of docs/meeting-protocol.md ("Media"). */
final class MediaViews {
    private MediaViews() {}

    static Map<String, Object> offer(UUID meetingId, SubscribeOffer offer) {
        Map<String, Object> tracks = new LinkedHashMap<>();
        offer.tracks().forEach((mid, t) -> tracks.put(mid, Map.of("participantId", t.participantId(), "source", t.source().wireName())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("meetingId", meetingId);
        out.put("sdp", offer.sdp());
        out.put("version", offer.version());
        out.put("tracks", tracks);
        return out;
    }
}
