package org.queqiao.media.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.queqiao.media.srtp.SrtpMasterKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS association, run on its own virtual thread: the handshake, then a loop that keeps reading
 * records so that bctls can answer a retransmitted client flight (our last flight was lost) and notice the
 * peer's close_notify. Records arrive through {@link #offer} from the socket's reader thread.
 */
public final class DtlsSession {
    private static final Logger log = LoggerFactory.getLogger(DtlsSession.class);
    private static final int POLL_MILLIS = 1000;

    /** Told what becomes of the session; called on the session's virtual thread. */
    public interface Listener {
        void onHandshakeComplete(SrtpMasterKeys keys);

        void onHandshakeFailed(Exception cause);

        /** The peer closed (close_notify or a fatal alert) after a successful handshake. */
        void onClosed();
    }

    private final QueuedDatagramTransport records;
    private final DtlsSrtpServer server;
    private final Listener listener;
    private volatile DTLSTransport transport;
    private volatile Thread thread;
    private volatile boolean closing;

    public DtlsSession(DtlsCertificate certificate, String remoteFingerprint, QueuedDatagramTransport.Sender sender, Listener listener) {
        this.records = new QueuedDatagramTransport(sender);
        this.server = new DtlsSrtpServer(new BcTlsCrypto(new SecureRandom()), certificate, remoteFingerprint);
        this.listener = listener;
    }

    public void start(String name) {
        thread = Thread.ofVirtual().name(name).start(this::run);
    }

    /** A DTLS record from the peer (reader thread); false when dropped because the queue is full. */
    public boolean offer(byte[] buf, int off, int len) {
        return records.offer(buf, off, len);
    }

    /** Sends close_notify when the handshake is done, then stops the thread. */
    public void close() {
        closing = true;
        DTLSTransport t = transport;
        try {
            if (t != null) t.close();
        } catch (IOException | RuntimeException e) {
            log.debug("close_notify not sent", e);
        }
        records.close();
        Thread th = thread;
        if (th != null) th.interrupt();
    }

    private void run() {
        try {
            DTLSServerProtocol protocol = new DTLSServerProtocol();
            protocol.setVerifyRequests(false); // the peer's address passed a STUN check already
            transport = protocol.accept(server, records);
        } catch (Exception e) {
            if (!closing) listener.onHandshakeFailed(e);
            return;
        }
        if (closing) {
            close();
            return;
        }
        listener.onHandshakeComplete(server.keys());
        readUntilClosed();
    }

    private void readUntilClosed() {
        byte[] buf = new byte[QueuedDatagramTransport.RECEIVE_LIMIT];
        try {
            while (!closing && !server.closeNotifyReceived()) {
                transport.receive(buf, 0, buf.length, POLL_MILLIS); // application data (data channels) is not ours
            }
        } catch (IOException | RuntimeException e) {
            log.debug("DTLS session ended", e);
        }
        if (!closing) listener.onClosed();
    }
}
