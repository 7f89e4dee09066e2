package org.queqiao.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the session descriptions browsers write (RFC 8866 with the WebRTC attributes of RFC 8829). It
 * is lenient with what it does not need (unknown lines are skipped) and strict with what it does: a
 * missing ICE credential, fingerprint or mid is an {@link SdpException} naming it, never a
 * half-configured transport later.
 */
public final class SdpParser {
    /** Browsers write a few KB; a meeting's worth of m-sections is far below this. */
    public static final int MAX_LENGTH = 256 * 1024;

    private SdpParser() {}

    public static SessionDescription parse(String sdp) {
        if (sdp == null || sdp.isBlank()) throw new SdpException("the session description is empty");
        if (sdp.length() > MAX_LENGTH) throw new SdpException("the session description is longer than " + MAX_LENGTH + " characters");
        var session = new SectionBuilder(null);
        var sections = new ArrayList<SectionBuilder>();
        SectionBuilder current = session;
        boolean iceLite = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') continue;
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                current = new SectionBuilder(value);
                sections.add(current);
            } else if (type == 'a') {
                if (value.equals("ice-lite") && current == session) iceLite = true;
                current.attribute(value);
            }
        }
        List<MediaDescription> media = new ArrayList<>(sections.size());
        for (SectionBuilder s : sections) media.add(s.build(session));
        return new SessionDescription(List.copyOf(media), iceLite);
    }

    /** Collects one section's attributes; session-level ones fill in what a section leaves out. */
    private static final class SectionBuilder {
        final String mLine;
        String mid, ufrag, pwd, fingerprint, setup, msid;
        Direction direction;
        boolean rtcpMux;
        final Map<Integer, Codec> codecs = new LinkedHashMap<>();
        final Map<String, Integer> extensions = new LinkedHashMap<>();
        final List<Long> ssrcs = new ArrayList<>();
        final Map<Long, Long> fid = new LinkedHashMap<>();
        final SimulcastReader simulcast = new SimulcastReader();

        SectionBuilder(String mLine) { this.mLine = mLine; }

        void attribute(String a) {
            int colon = a.indexOf(':');
            String name = colon < 0 ? a : a.substring(0, colon);
            String value = colon < 0 ? "" : a.substring(colon + 1);
            switch (name) {
                case "mid" -> mid = value.trim();
                case "ice-ufrag" -> ufrag = value.trim();
                case "ice-pwd" -> pwd = value.trim();
                case "fingerprint" -> fingerprint = value.trim();
                case "setup" -> setup = value.trim();
                case "msid" -> msid = value.trim();
                case "rtcp-mux" -> rtcpMux = true;
                case "sendrecv", "sendonly", "recvonly", "inactive" -> direction = Direction.valueOf(name.toUpperCase(java.util.Locale.ROOT));
                case "rtpmap" -> rtpmap(value);
                case "fmtp" -> fmtp(value);
                case "rtcp-fb" -> feedback(value);
                case "extmap" -> extmap(value);
                case "ssrc" -> ssrc(value);
                case "ssrc-group" -> ssrcGroup(value);
                case "rid" -> simulcast.rid(value);
                case "simulcast" -> simulcast.simulcast(value);
                default -> { }
            }
        }

        private void rtpmap(String v) {
            String[] pt = v.split(" ", 2);
            if (pt.length < 2) throw new SdpException("a=rtpmap without an encoding: " + v);
            String[] enc = pt[1].trim().split("/");
            int clock = enc.length > 1 ? number(enc[1], "a=rtpmap clock rate") : 0;
            int channels = enc.length > 2 ? number(enc[2], "a=rtpmap channels") : 1;
            int type = payloadType(pt[0]);
            Codec old = codecs.get(type);
            codecs.put(type, new Codec(type, enc[0], clock, channels, old == null ? null : old.fmtp(), old == null ? List.of() : old.feedback()));
        }

        private void fmtp(String v) {
            String[] pt = v.split(" ", 2);
            int type = payloadType(pt[0]);
            codecs.computeIfPresent(type, (k, c) -> c.withFmtp(pt.length > 1 ? pt[1].trim() : ""));
        }

        private void feedback(String v) {
            String[] pt = v.split(" ", 2);
            if (pt.length < 2 || pt[0].equals("*")) return;
            int type = payloadType(pt[0]);
            codecs.computeIfPresent(type, (k, c) -> c.withFeedback(pt[1].trim()));
        }

        private void extmap(String v) {
            String[] parts = v.trim().split("\\s+");
            if (parts.length < 2) throw new SdpException("a=extmap without a URI: " + v);
            String idPart = parts[0];
            int slash = idPart.indexOf('/');
            int id = number(slash < 0 ? idPart : idPart.substring(0, slash), "a=extmap id");
            if (id < 1 || id > 255) throw new SdpException("a=extmap id out of range: " + id);
            extensions.put(parts[1], id);
        }

        private void ssrc(String v) {
            int space = v.indexOf(' ');
            long ssrc = ssrcNumber(space < 0 ? v : v.substring(0, space));
            if (!ssrcs.contains(ssrc)) ssrcs.add(ssrc);
        }

        private void ssrcGroup(String v) {
            String[] parts = v.trim().split("\\s+");
            if (parts.length == 3 && parts[0].equals("FID")) fid.put(ssrcNumber(parts[1]), ssrcNumber(parts[2]));
        }

        MediaDescription build(SectionBuilder session) {
            String[] m = mLine.trim().split("\\s+");
            if (m.length < 3) throw new SdpException("m-line too short: " + mLine);
            int port = number(m[1].split("/")[0], "m-line port");
            List<Integer> formats = new ArrayList<>();
            for (int i = 3; i < m.length; i++) {
                if (m[i].chars().allMatch(Character::isDigit)) formats.add(payloadType(m[i]));
            }
            if (mid == null) throw new SdpException("an m-section without a=mid (BUNDLE needs one in every section)");
            List<Codec> ordered = new ArrayList<>();
            for (int f : formats) if (codecs.containsKey(f)) ordered.add(codecs.get(f));
            return new MediaDescription(MediaKind.of(m[0]), m[0], port, m[2], List.copyOf(formats), mid,
                    direction != null ? direction : session.direction != null ? session.direction : Direction.SENDRECV,
                    or(ufrag, session.ufrag), or(pwd, session.pwd), or(fingerprint, session.fingerprint), or(setup, session.setup),
                    rtcpMux, List.copyOf(ordered), Map.copyOf(extensions), List.copyOf(ssrcs), Map.copyOf(fid), msid,
                    simulcast.layers("send"), simulcast.layers("recv"));
        }

        private static String or(String a, String b) { return a != null ? a : b; }
    }

    private static int payloadType(String s) {
        int pt = number(s.trim(), "payload type");
        if (pt < 0 || pt > 127) throw new SdpException("payload type out of range: " + s);
        return pt;
    }

    private static long ssrcNumber(String s) {
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0 || v > 0xFFFFFFFFL) throw new SdpException("SSRC out of range: " + s);
            return v;
        } catch (NumberFormatException e) {
            throw new SdpException("not an SSRC: " + s);
        }
    }

    private static int number(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new SdpException("not a number in " + what + ": " + s);
        }
    }
}
