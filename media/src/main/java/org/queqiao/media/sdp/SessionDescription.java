package org.queqiao.media.sdp;

import java.util.List;

/** A parsed offer or answer: what we need of it, no more. */
public record SessionDescription(List<MediaDescription> media, boolean iceLite) {

    public MediaDescription byMid(String mid) {
        for (MediaDescription m : media) if (mid.equals(m.mid())) return m;
        return null;
    }

    /** The remote transport credentials: every BUNDLEd section shares them, so the first accepted one tells. */
    public MediaDescription firstAccepted() {
        for (MediaDescription m : media) if (!m.rejected()) return m;
        return null;
    }
}
