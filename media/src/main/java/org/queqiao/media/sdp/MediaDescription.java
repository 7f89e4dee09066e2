package org.queqiao.media.sdp;

import java.util.List;
import java.util.Map;

/**
 * One m-section as the remote side wrote it. ICE and DTLS attributes written at session level are
 * copied in by the parser, so each section is complete on its own.
 *
 * @param extensions header extension URI → the id the remote side chose
 * @param ssrcs      the SSRCs it announced, in order of first appearance
 * @param fidGroups  RTX pairs from {@code a=ssrc-group:FID media rtx}
 * @param simulcastSendRids the rids of the simulcast streams the remote side will send ({@code a=simulcast:send},
 *                   RFC 8853), in its order: each stream's first alternative, paused ones too, and only rids an
 *                   {@code a=rid:<id> send} line declares; empty without simulcast
 * @param simulcastRecvRids the same for the streams it will receive ({@code a=simulcast:recv}, {@code a=rid:<id> recv})
 */
public record MediaDescription(
        MediaKind kind, String kindToken, int port, String protocol, List<Integer> formats,
        String mid, Direction direction, String iceUfrag, String icePassword, String fingerprint, String setup,
        boolean rtcpMux, List<Codec> codecs, Map<String, Integer> extensions,
        List<Long> ssrcs, Map<Long, Long> fidGroups, String msid,
        List<String> simulcastSendRids, List<String> simulcastRecvRids) {

    public boolean rejected() { return port == 0; }

    /** The RTX payload type paired with {@code payloadType} ({@code a=fmtp:N apt=payloadType}), or -1. */
    public int rtxFor(int payloadType) {
        for (Codec c : codecs) {
            if (c.is("rtx") && String.valueOf(payloadType).equals(c.parameter("apt"))) return c.payloadType();
        }
        return -1;
    }

    public Codec codec(int payloadType) {
        for (Codec c : codecs) if (c.payloadType() == payloadType) return c;
        return null;
    }
}
