package org.queqiao.media.sdp;

/**
 * What a publisher will send in one m-section, as negotiated: the router's recipe for rewriting its
 * packets to {@link ServerCodecs} numbers.
 *
 * @param ssrc          the media SSRC the offer announced, or -1 when it did not (learnt from the mid extension)
 * @param rtxSsrc       the paired RTX SSRC, or -1
 * @param payloadTypes  publisher payload type → ours, -1 where the type was not accepted (128 entries)
 * @param rtxPayloadTypes publisher RTX payload type → the publisher's media payload type it repairs, -1 otherwise
 * @param extensionIds  publisher extension id → ours (256 entries; unknown ids map to {@link ServerCodecs#UNNEGOTIATED_ID})
 * @param midExtensionId the publisher's id of the mid extension, or -1
 */
public record PublishedTrack(String mid, MediaKind kind, long ssrc, long rtxSsrc,
                             int[] payloadTypes, int[] rtxPayloadTypes, int[] extensionIds, int midExtensionId) {
}
