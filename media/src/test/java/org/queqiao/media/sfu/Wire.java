package org.queqiao.media.sfu;

import java.io.IOException;
import java.util.function.Predicate;
import org.queqiao.media.rtp.RtcpCompoundIterator;
import org.queqiao.media.rtp.RtcpFeedback;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.transport.TestWebRtcClient;

/** What the router's tests read off a synthetic participant's sockets: packets that match, within a deadline. */
final class Wire {
    private Wire() {}

    static byte[] payload(byte[] rtp) {
        int off = RtpPacket.payloadOffset(rtp, 0);
        return java.util.Arrays.copyOfRange(rtp, off, off + RtpPacket.payloadLength(rtp, 0, rtp.length));
    }

    static byte[] pollRtp(TestWebRtcClient client, Predicate<byte[]> match, int millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            byte[] p = client.receiveMedia(millis);
            if (p != null && !isRtcp(p) && match.test(p)) return p;
        }
        return null;
    }

    static boolean isRtcp(byte[] p) { return p.length > 1 && (p[1] & 0xff) >= 192 && (p[1] & 0xff) <= 223; }

    static byte[] awaitRtp(TestWebRtcClient client, Predicate<byte[]> match) throws IOException {
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            byte[] p = client.receiveMedia(3000);
            if (p != null && !isRtcp(p) && match.test(p)) return p;
        }
        throw new AssertionError("no matching RTP packet within 3 s");
    }

    static boolean awaitRtcp(TestWebRtcClient client, int type, int format, int mediaSsrc) throws IOException {
        return awaitRtcp(client, type, format, mediaSsrc, 3000);
    }

    static boolean awaitRtcp(TestWebRtcClient client, int type, int format, int mediaSsrc, int millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        var it = new RtcpCompoundIterator();
        while (System.currentTimeMillis() < deadline) {
            byte[] p = client.receiveMedia((int) Math.max(1, deadline - System.currentTimeMillis()));
            if (p == null || !isRtcp(p)) continue;
            it.reset(p, 0, p.length);
            while (it.next()) {
                if (it.packetType() == type && it.countOrFormat() == format && RtcpFeedback.mediaSsrc(p, it.offset()) == mediaSsrc) return true;
            }
        }
        return false;
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("not within 3 s");
            Thread.sleep(10);
        }
    }
}
