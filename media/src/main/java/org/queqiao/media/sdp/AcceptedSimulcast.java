package org.queqiao.media.sdp;

import java.util.List;
import java.util.Map;

/**
 * The layers of a publisher's rid-based simulcast (RFC 8853) that our answer accepts, or none. A video
 * section qualifies with two or more layers and the rid extension: browsers announce no SSRCs for the
 * layers, so without the extension the SFU could not tell them apart. Refusing is harmless: an answer
 * without {@code a=simulcast} makes the browser send its first encoding alone.
 */
record AcceptedSimulcast(List<String> layers, int ridExtensionId, int repairedRidExtensionId) {
    /**
     * Low, medium and full resolution are what a receiver chooses between; RFC 8853 lets an answer list
     * fewer streams than offered, and the browser then sends only those.
     */
    static final int MAX_LAYERS = 3;
    static final AcceptedSimulcast NONE = new AcceptedSimulcast(List.of(), -1, -1);

    static AcceptedSimulcast of(MediaDescription offer) {
        List<String> offered = offer.simulcastSendRids();
        Integer rid = offer.extensions().get(ServerCodecs.RID);
        if (offer.kind() != MediaKind.VIDEO || !offer.direction().sends() || offered.size() < 2 || rid == null) return NONE;
        Integer repaired = offer.extensions().get(ServerCodecs.REPAIRED_RID);
        List<String> layers = List.copyOf(offered.subList(0, Math.min(MAX_LAYERS, offered.size())));
        return new AcceptedSimulcast(layers, rid, repaired == null ? -1 : repaired);
    }

    boolean accepted() { return !layers.isEmpty(); }

    /** Adds the rid extensions, with the publisher's ids, to those the answer lists. */
    void addExtensions(Map<String, Integer> extensions) {
        if (!accepted()) return;
        extensions.put(ServerCodecs.RID, ridExtensionId);
        if (repairedRidExtensionId >= 0) extensions.put(ServerCodecs.REPAIRED_RID, repairedRidExtensionId);
    }

    void write(SdpWriter out) {
        if (!accepted()) return;
        for (String rid : layers) out.line("a=rid:" + rid + " recv");
        out.line("a=simulcast:recv " + String.join(";", layers));
    }
}
