package org.queqiao.media.sdp;

import java.util.List;

/**
 * What a publisher will send in one m-section, as negotiated: the router's recipe for rewriting its
 * packets to {@link ServerCodecs} numbers.
 *
 * @param ssrc          the media SSRC the offer announced, or -1 when it did not (learnt from the mid extension;
 *                      with simulcast, each layer's from the rid extension, since browsers announce none then)
 * @param rtxSsrc       the paired RTX SSRC, or -1
 * @param payloadTypes  publisher payload type → ours, -1 where the type was not accepted (128 entries)
 * @param rtxPayloadTypes publisher RTX payload type → the publisher's media payload type it repairs, -1 otherwise
 * @param extensionIds  publisher extension id → ours (256 entries; unknown ids map to {@link ServerCodecs#UNNEGOTIATED_ID},
 *                      and so do the mid and rid extensions, which no subscriber negotiates)
 * @param midExtensionId the publisher's id of the mid extension, or -1
 * @param rids          the simulcast layers we accepted, by rid, lowest first as the publisher offered them
 *                      (browsers list them in their {@code sendEncodings} order); empty when not simulcast
 * @param ridExtensionId the publisher's id of the rid extension ({@link ServerCodecs#RID}), or -1 when not negotiated
 * @param repairedRidExtensionId the publisher's id of the repaired rid extension ({@link ServerCodecs#REPAIRED_RID}),
 *                      which names the layer of an RTX packet, or -1 when not negotiated
 */
public record PublishedTrack(String mid, MediaKind kind, long ssrc, long rtxSsrc,
                             int[] payloadTypes, int[] rtxPayloadTypes, int[] extensionIds, int midExtensionId,
                             List<String> rids, int ridExtensionId, int repairedRidExtensionId) {
}
