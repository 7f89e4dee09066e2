package org.queqiao.media.sdp;

import java.util.List;

/**
 * One payload type of an m-section: {@code a=rtpmap}, its {@code a=fmtp} parameters and {@code a=rtcp-fb}
 * lines. {@code name} keeps the case it was written with; compare with {@link #is(String)}.
 */
public record Codec(int payloadType, String name, int clockRate, int channels, String fmtp, List<String> feedback) {

    public boolean is(String codecName) { return name.equalsIgnoreCase(codecName); }

    /** The value of one fmtp parameter ({@code apt}, {@code packetization-mode}…), or null. */
    public String parameter(String key) {
        if (fmtp == null) return null;
        for (String part : fmtp.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(key)) return part.substring(eq + 1).trim();
        }
        return null;
    }

    Codec withFmtp(String value) { return new Codec(payloadType, name, clockRate, channels, value, feedback); }

    Codec withFeedback(String value) {
        var list = new java.util.ArrayList<>(feedback);
        list.add(value);
        return new Codec(payloadType, name, clockRate, channels, fmtp, List.copyOf(list));
    }
}
