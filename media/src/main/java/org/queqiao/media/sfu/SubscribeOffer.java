package org.queqiao.media.sfu;

import java.util.Map;

/**
 * An offer for a subscriber's connection, with what each m-section carries.
 *
 * @param tracks mid → the publishing participant and the source, for every active section
 */
public record SubscribeOffer(String sdp, long version, Map<String, Track> tracks) {

    public record Track(String participantId, TrackSource source) {}
}
