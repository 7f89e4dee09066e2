package org.queqiao.media.sfu;

import java.nio.charset.StandardCharsets;
import org.queqiao.media.forward.RtxUnwrapper;
import org.queqiao.media.rtp.HeaderExtensions;
import org.queqiao.media.rtp.RtpPacket;

/**
 * Learns the SSRCs of simulcast layers from their packets (ADR 0009 §14). Chromium announces no SSRC for
 * rid-based simulcast: each layer's packets name their m-section (mid) and layer (rid) in header
 * extensions, and its RTX packets the layer they repair (repaired rid), until the browser sees a receiver
 * report for that SSRC. Only packets of an SSRC nobody claimed come here, so the cost is a few packets per
 * layer; on the reader thread.
 */
final class LayerSsrcs {
    private LayerSsrcs() {}

    /**
     * Binds the packet's SSRC to the layer it names: as that layer's media SSRC, or as its RTX SSRC (then
     * paired in {@code rtx}). Returns whether it bound anything; the caller looks the SSRC up again.
     */
    static boolean learn(IncomingStream[] streams, RtxUnwrapper rtx, byte[] buf, int off, int len) {
        if (!RtpPacket.hasExtension(buf, off)) return false;
        for (IncomingStream s : streams) {
            if (!s.simulcast() || !namesSection(s, buf, off, len)) continue;
            String rid = value(buf, off, len, s.ridExtensionId());
            if (rid != null) {
                Layer layer = s.layer(rid);
                if (layer == null || layer.known()) return false;
                s.bind(layer, RtpPacket.ssrc(buf, off) & 0xFFFFFFFFL);
                return true;
            }
            String repaired = value(buf, off, len, s.repairedRidExtensionId());
            Layer layer = repaired == null ? null : s.layer(repaired);
            if (layer == null || !layer.known()) return false; // its media SSRC first: an RTX pair needs both
            int rtxSsrc = RtpPacket.ssrc(buf, off);
            layer.bindRtx(rtxSsrc & 0xFFFFFFFFL);
            return rtx.addStream(rtxSsrc, layer.rawSsrc());
        }
        return false;
    }

    /** With one m-section in simulcast, a packet without the mid extension can only be of that one. */
    private static boolean namesSection(IncomingStream s, byte[] buf, int off, int len) {
        String mid = value(buf, off, len, s.midExtensionId());
        return mid == null ? s.midExtensionId() < 0 : mid.equals(s.mid());
    }

    private static String value(byte[] buf, int off, int len, int id) {
        if (id <= 0) return null;
        long at = HeaderExtensions.find(buf, off, len, id);
        if (at == HeaderExtensions.NOT_FOUND) return null;
        return new String(buf, HeaderExtensions.dataOffset(at), HeaderExtensions.dataLength(at), StandardCharsets.US_ASCII);
    }
}
