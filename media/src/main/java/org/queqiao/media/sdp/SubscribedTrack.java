package org.queqiao.media.sdp;

/**
 * One m-section of a subscriber's offer: a remote participant's track, or a slot left {@code inactive}
 * after its track went away (kept so that mids stay stable; a later track of the same kind reuses it).
 *
 * @param streamId the msid stream (the publishing participant), @param trackId the msid track id
 */
public record SubscribedTrack(String mid, MediaKind kind, long ssrc, long rtxSsrc, String streamId, String trackId, boolean active) {

    public SubscribedTrack deactivated() { return new SubscribedTrack(mid, kind, ssrc, rtxSsrc, streamId, trackId, false); }
}
