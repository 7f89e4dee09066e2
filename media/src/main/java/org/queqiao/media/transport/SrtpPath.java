package org.queqiao.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.queqiao.media.srtp.SrtpMasterKeys;
import org.queqiao.media.srtp.SrtpReceiver;
import org.queqiao.media.srtp.SrtpResult;
import org.queqiao.media.srtp.SrtpSender;

/**
 * The secured media of one transport once DTLS gave keys: protect into a scratch buffer and send, and
 * unprotect in place on the reader thread. The scratch array and its ByteBuffer view are reused for every
 * packet, under a lock because several threads may send on one transport.
 */
final class SrtpPath {
    private static final int SCRATCH_BYTES = 2048;

    private final SrtpSender sender;
    private final SrtpReceiver receiver;
    private final MediaSocket socket;
    private final byte[] scratch = new byte[SCRATCH_BYTES];
    private final ByteBuffer scratchView = ByteBuffer.wrap(scratch);

    SrtpPath(SrtpMasterKeys keys, MediaSocket socket) {
        this.sender = keys.serverSender();
        this.receiver = keys.serverReceiver();
        this.socket = socket;
    }

    boolean send(boolean rtcp, byte[] buf, int off, int len, InetSocketAddress to) {
        if (off < 0 || len < 0 || off + len > buf.length) return false;
        synchronized (scratch) {
            int n = rtcp ? sender.protectRtcp(buf, off, len, scratch, 0) : sender.protectRtp(buf, off, len, scratch, 0);
            if (n < 0) {
                socket.stats().sendRefused.increment();
                return false;
            }
            scratchView.clear().limit(n);
            try {
                socket.send(scratchView, to);
                return true;
            } catch (IOException e) {
                socket.stats().sendFailures.increment();
                return false;
            }
        }
    }

    /** Unprotects in place; returns the plain length, or a negative result already counted. */
    int receive(boolean rtcp, byte[] buf, int len) {
        int n = rtcp ? receiver.unprotectRtcp(buf, 0, len) : receiver.unprotectRtp(buf, 0, len);
        if (n < 0) {
            MediaSocketStats stats = socket.stats();
            switch (n) {
                case SrtpResult.AUTH_FAILED -> stats.srtpAuthFailures.increment();
                case SrtpResult.REPLAYED -> stats.srtpReplayed.increment();
                default -> stats.droppedMalformed.increment();
            }
        }
        return n;
    }
}
