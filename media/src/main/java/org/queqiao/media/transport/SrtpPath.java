package org.queqiao.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.queqiao.media.cc.TransportSequence;
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
    /** Where an RTP packet is copied with its transport-wide number before it is sealed; made on the first. */
    private byte[] numbered;

    SrtpPath(SrtpMasterKeys keys, MediaSocket socket) {
        this.sender = keys.serverSender();
        this.receiver = keys.serverReceiver();
        this.socket = socket;
    }

    /** {@code sequence}: numbers RTP packets with the transport-wide sequence number, or null. */
    boolean send(boolean rtcp, byte[] buf, int off, int len, InetSocketAddress to, TransportSequence sequence) {
        if (off < 0 || len < 0 || off + len > buf.length) return false;
        synchronized (scratch) { // one sender at a time: the numbers follow the order packets leave in
            if (!rtcp && sequence != null) {
                if (numbered == null) numbered = new byte[SCRATCH_BYTES];
                int copied = sequence.stamp(buf, off, len, numbered, System.nanoTime());
                if (copied > 0) {
                    buf = numbered;
                    off = 0;
                    len = copied;
                }
            }
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
