package org.queqiao.media.sdp;

import java.util.List;
import java.util.Map;

/** Appends SDP lines with CRLF endings; knows the transport lines every m-section of ours repeats. */
final class SdpWriter {
    private final StringBuilder out = new StringBuilder(2048);

    SdpWriter line(String text) {
        out.append(text).append("\r\n");
        return this;
    }

    void session(long sessionId, long version, LocalTransport local, List<String> bundledMids) {
        line("v=0");
        line("o=queqiao " + sessionId + " " + version + " " + local.addressLine());
        line("s=-");
        line("t=0 0");
        line("a=ice-lite");
        if (!bundledMids.isEmpty()) line("a=group:BUNDLE " + String.join(" ", bundledMids));
        line("a=msid-semantic: WMS *");
    }

    void transport(LocalTransport local, String setup) {
        line("c=" + local.addressLine());
        line("a=ice-ufrag:" + local.ufrag());
        line("a=ice-pwd:" + local.password());
        line("a=fingerprint:" + local.fingerprint());
        line("a=setup:" + setup);
        line("a=rtcp-mux");
    }

    void candidate(LocalTransport local) {
        // Foundation 1, component 1, highest host priority: the one address browsers must use.
        line("a=candidate:1 1 udp 2130706431 " + local.address() + " " + local.port() + " typ host");
        line("a=end-of-candidates");
    }

    void codecs(List<Codec> codecs) {
        for (Codec c : codecs) {
            line("a=rtpmap:" + c.payloadType() + " " + c.name() + "/" + c.clockRate() + (c.channels() > 1 ? "/" + c.channels() : ""));
            for (String fb : c.feedback()) line("a=rtcp-fb:" + c.payloadType() + " " + fb);
            if (c.fmtp() != null) line("a=fmtp:" + c.payloadType() + " " + c.fmtp());
        }
    }

    void extensions(Map<String, Integer> byUri) {
        byUri.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> line("a=extmap:" + e.getValue() + " " + e.getKey()));
    }

    static String payloadTypes(List<Codec> codecs) {
        StringBuilder s = new StringBuilder();
        for (Codec c : codecs) s.append(' ').append(c.payloadType());
        return s.toString();
    }

    @Override
    public String toString() { return out.toString(); }
}
