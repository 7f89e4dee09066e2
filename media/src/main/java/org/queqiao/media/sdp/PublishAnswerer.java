package org.queqiao.media.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a publisher's offer: we only receive on this connection, accept Opus and one video codec
 * (VP8 first, H.264 constrained baseline otherwise) with RTX, the audio level and mid extensions, a
 * video's simulcast layers with the rid extensions ({@link AcceptedSimulcast}), and refuse everything
 * else by rejecting its m-section (port 0) so the browser never sends it.
 */
public final class PublishAnswerer {

    public record Answer(String sdp, List<PublishedTrack> tracks) {}

    private PublishAnswerer() {}

    public static Answer answer(SessionDescription offer, LocalTransport local, long sessionId, long version) {
        List<String> bundled = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            Section s = Section.of(m);
            sections.add(s);
            if (s.accepted()) bundled.add(m.mid());
        }
        if (bundled.isEmpty()) throw new SdpException("the offer has no audio or video we can receive (Opus, VP8 or H.264)");
        var out = new SdpWriter();
        out.session(sessionId, version, local, bundled);
        List<PublishedTrack> tracks = new ArrayList<>();
        for (Section s : sections) {
            s.write(out, local);
            if (s.accepted() && s.offer.direction().sends()) tracks.add(s.track());
        }
        return new Answer(out.toString(), List.copyOf(tracks));
    }

    /** One m-section of the answer: the codecs and simulcast layers we picked from the offer, or a rejection. */
    private record Section(MediaDescription offer, List<Codec> codecs, Map<String, Integer> extensions, AcceptedSimulcast simulcast) {

        static Section of(MediaDescription m) {
            if (m.rejected() || m.kind() == MediaKind.OTHER) return new Section(m, List.of(), Map.of(), AcceptedSimulcast.NONE);
            List<Codec> chosen = m.kind() == MediaKind.AUDIO ? chooseAudio(m) : chooseVideo(m);
            Map<String, Integer> ext = new LinkedHashMap<>();
            if (m.kind() == MediaKind.AUDIO && m.extensions().containsKey(ServerCodecs.AUDIO_LEVEL)) {
                ext.put(ServerCodecs.AUDIO_LEVEL, m.extensions().get(ServerCodecs.AUDIO_LEVEL));
            }
            if (m.extensions().containsKey(ServerCodecs.MID)) ext.put(ServerCodecs.MID, m.extensions().get(ServerCodecs.MID));
            AcceptedSimulcast simulcast = chosen.isEmpty() ? AcceptedSimulcast.NONE : AcceptedSimulcast.of(m);
            simulcast.addExtensions(ext);
            return new Section(m, chosen, ext, simulcast);
        }

        boolean accepted() { return !codecs.isEmpty(); }

        void write(SdpWriter out, LocalTransport local) {
            if (!accepted()) {
                String format = offer.formats().isEmpty() ? "0" : String.valueOf(offer.formats().getFirst());
                out.line("m=" + offer.kindToken() + " 0 " + offer.protocol() + " " + format);
                out.line("c=" + local.addressLine());
                out.line("a=mid:" + offer.mid());
                out.line("a=inactive");
                return;
            }
            out.line("m=" + offer.kindToken() + " " + local.port() + " UDP/TLS/RTP/SAVPF" + SdpWriter.payloadTypes(codecs));
            out.transport(local, "passive");
            out.line("a=mid:" + offer.mid());
            out.extensions(extensions);
            out.line("a=" + (offer.direction().sends() ? Direction.RECVONLY : Direction.INACTIVE).attribute());
            out.codecs(codecs);
            simulcast.write(out);
            out.candidate(local);
        }

        PublishedTrack track() {
            int[] pts = filled(128);
            int[] rtx = filled(128);
            for (Codec c : codecs) {
                if (c.is("rtx")) rtx[c.payloadType()] = Integer.parseInt(c.parameter("apt"));
                else pts[c.payloadType()] = ours(c);
            }
            int[] ids = new int[256];
            Arrays.fill(ids, ServerCodecs.UNNEGOTIATED_ID);
            Integer level = extensions.get(ServerCodecs.AUDIO_LEVEL);
            if (level != null) ids[level] = ServerCodecs.AUDIO_LEVEL_ID;
            Integer mid = extensions.get(ServerCodecs.MID);
            long ssrc = mediaSsrc(offer);
            long rtxSsrc = ssrc < 0 ? -1 : offer.fidGroups().getOrDefault(ssrc, -1L);
            return new PublishedTrack(offer.mid(), offer.kind(), ssrc, rtxSsrc, pts, rtx, ids, mid == null ? -1 : mid,
                    simulcast.layers(), simulcast.ridExtensionId(), simulcast.repairedRidExtensionId());
        }

        private static int ours(Codec c) {
            if (c.is("opus")) return ServerCodecs.OPUS.payloadType();
            if (c.is("VP8")) return ServerCodecs.VP8.payloadType();
            return ServerCodecs.H264.payloadType();
        }

        private static long mediaSsrc(MediaDescription m) {
            for (long s : m.ssrcs()) if (!m.fidGroups().containsValue(s)) return s;
            return -1;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }
    }

    private static List<Codec> chooseAudio(MediaDescription m) {
        for (Codec c : m.codecs()) {
            if (c.is("opus") && c.clockRate() == 48000) {
                // the browser does not offer "nack" for Opus, but sends what the answer's feedback asks for
                return List.of(new Codec(c.payloadType(), c.name(), 48000, 2, ServerCodecs.OPUS.fmtp(), ServerCodecs.AUDIO_FEEDBACK));
            }
        }
        return List.of();
    }

    private static List<Codec> chooseVideo(MediaDescription m) {
        Codec pick = first(m, c -> c.is("VP8"));
        if (pick == null) pick = first(m, PublishAnswerer::constrainedBaseline);
        if (pick == null) return List.of();
        List<String> feedback = pick.feedback().stream().filter(ServerCodecs.VIDEO_FEEDBACK::contains).toList();
        List<Codec> chosen = new ArrayList<>();
        chosen.add(new Codec(pick.payloadType(), pick.name(), pick.clockRate(), 1, pick.fmtp(), feedback));
        int rtx = m.rtxFor(pick.payloadType());
        if (rtx >= 0) chosen.add(m.codec(rtx));
        return chosen;
    }

    /** H.264 that every browser decodes: packetization mode 1, baseline or constrained baseline. */
    private static boolean constrainedBaseline(Codec c) {
        if (!c.is("H264")) return false;
        String profile = c.parameter("profile-level-id");
        return "1".equals(c.parameter("packetization-mode")) && profile != null
                && (profile.toLowerCase().startsWith("42e0") || profile.toLowerCase().startsWith("4200"));
    }

    private static Codec first(MediaDescription m, java.util.function.Predicate<Codec> test) {
        for (Codec c : m.codecs()) if (test.test(c)) return c;
        return null;
    }
}
