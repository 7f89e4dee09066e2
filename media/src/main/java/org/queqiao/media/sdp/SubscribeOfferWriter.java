package org.queqiao.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the offer of a subscriber's connection: one {@code sendonly} m-section per remote track with
 * its SSRCs announced (receivers demultiplex by SSRC: ADR 0009), our codecs and ids from
 * {@link ServerCodecs}, and {@code actpass} so the browser picks DTLS client.
 */
public final class SubscribeOfferWriter {
    private SubscribeOfferWriter() {}

    public static String offer(List<SubscribedTrack> slots, LocalTransport local, long sessionId, long version) {
        var out = new SdpWriter();
        List<String> mids = new ArrayList<>(slots.size());
        for (SubscribedTrack s : slots) mids.add(s.mid());
        out.session(sessionId, version, local, mids);
        for (SubscribedTrack s : slots) section(out, s, local);
        return out.toString();
    }

    private static void section(SdpWriter out, SubscribedTrack s, LocalTransport local) {
        boolean audio = s.kind() == MediaKind.AUDIO;
        List<Codec> codecs = audio ? ServerCodecs.AUDIO : ServerCodecs.SUBSCRIBER_VIDEO;
        out.line("m=" + s.kind().token() + " " + local.port() + " UDP/TLS/RTP/SAVPF" + SdpWriter.payloadTypes(codecs));
        out.transport(local, "actpass");
        out.line("a=mid:" + s.mid());
        out.extensions(audio
                ? Map.of(ServerCodecs.AUDIO_LEVEL, ServerCodecs.AUDIO_LEVEL_ID)
                : Map.of(ServerCodecs.TRANSPORT_CC, ServerCodecs.TRANSPORT_CC_ID));
        out.line("a=" + (s.active() ? Direction.SENDONLY : Direction.INACTIVE).attribute());
        if (s.active()) out.line("a=msid:" + s.streamId() + " " + s.trackId());
        out.codecs(codecs);
        if (s.active()) {
            if (s.rtxSsrc() >= 0) out.line("a=ssrc-group:FID " + s.ssrc() + " " + s.rtxSsrc());
            ssrc(out, s, s.ssrc());
            if (s.rtxSsrc() >= 0) ssrc(out, s, s.rtxSsrc());
        }
        out.candidate(local);
    }

    private static void ssrc(SdpWriter out, SubscribedTrack s, long ssrc) {
        out.line("a=ssrc:" + ssrc + " cname:" + s.streamId());
        out.line("a=ssrc:" + ssrc + " msid:" + s.streamId() + " " + s.trackId());
    }
}
