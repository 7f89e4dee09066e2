package org.queqiao.media.sdp;

/** What an m-section carries. Anything we do not forward (data channels, unknown kinds) is OTHER. */
public enum MediaKind {
    AUDIO, VIDEO, OTHER;

    static MediaKind of(String token) {
        return switch (token) {
            case "audio" -> AUDIO;
            case "video" -> VIDEO;
            default -> OTHER;
        };
    }

    public String token() { return this == AUDIO ? "audio" : this == VIDEO ? "video" : "application"; }
}
