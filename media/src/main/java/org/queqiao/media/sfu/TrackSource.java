package org.queqiao.media.sfu;

import org.queqiao.media.sdp.MediaKind;

/** What a published track shows: the client says so when it publishes (docs/meeting-protocol.md). */
public enum TrackSource {
    MICROPHONE(MediaKind.AUDIO), CAMERA(MediaKind.VIDEO), SCREEN(MediaKind.VIDEO);

    public final MediaKind kind;

    TrackSource(MediaKind kind) { this.kind = kind; }

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** @throws IllegalArgumentException for anything but microphone, camera or screen */
    public static TrackSource fromWire(String name) {
        for (TrackSource s : values()) if (s.wireName().equals(name)) return s;
        throw new IllegalArgumentException("source must be microphone, camera or screen");
    }
}
