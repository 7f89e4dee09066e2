package org.queqiao.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.queqiao.media.cc.TransportSequence;
import org.queqiao.media.dtls.DtlsSession;
import org.queqiao.media.srtp.SrtpMasterKeys;
import org.queqiao.media.stun.IceCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection's transport on the shared media socket: its ICE credentials, the remote address a
 * valid check bound, its DTLS session and, once keyed, its SRTP path.
 *
 * <p>Address binding: the first valid check binds its source address. A valid check from another address
 * re-binds only when it nominates (USE-CANDIDATE: the browser chose that pair, e.g. after an ICE restart or
 * a network change) or when the bound address has gone quiet (DISCONNECTED). Checks the browser keeps
 * sending on pairs it did not choose therefore cannot pull media away from the selected pair.
 *
 * <p>Threads: packets arrive on the socket's reader thread; the handshake and {@code onConnected} run on a
 * virtual thread; consent expiry runs on the socket's timer thread; senders may be any thread.
 */
public final class PeerTransport {
    private static final Logger log = LoggerFactory.getLogger(PeerTransport.class);

    public enum State { NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED }

    public interface Handler {
        /** SRTP keys ready (on the DTLS virtual thread). */
        void onConnected(PeerTransport t);

        /** Decrypted RTP, on the reader thread; buf is reused after return. */
        void onRtp(PeerTransport t, byte[] buf, int off, int len);

        /** Decrypted compound RTCP, on the reader thread. */
        void onRtcp(PeerTransport t, byte[] buf, int off, int len);

        /** No valid connectivity check for the consent timeout. */
        void onDisconnected(PeerTransport t);

        /** Checks came back (same or new address) after onDisconnected. */
        void onReconnected(PeerTransport t);

        /** Closed by us, by the peer's close_notify, or because DTLS failed. */
        void onClosed(PeerTransport t);
    }

    private final MediaSocket socket;
    private final Handler handler;
    private final Object lock = new Object();

    // guarded by lock
    private IceCredentials current;
    private IceCredentials previous; // still accepted during an ICE restart, until a check uses the new ones
    private String remoteFingerprint;
    private DtlsSession dtls;
    private State stateBeforeDisconnect;

    // read without the lock on the reader thread
    private volatile State state = State.NEW;
    private volatile InetSocketAddress remoteAddress;
    private volatile SrtpPath srtp;
    private volatile DtlsSession dtlsForReader;
    private volatile long lastValidCheckNanos;
    private volatile TransportSequence sequence;

    PeerTransport(MediaSocket socket, Handler handler) {
        this.socket = socket;
        this.handler = handler;
        this.current = LocalCredentials.fresh(null);
    }

    public String localUfrag() { synchronized (lock) { return current.localUfrag(); } }

    public String localPassword() { synchronized (lock) { return current.localPassword(); } }

    public State state() { return state; }

    public InetSocketAddress remoteAddress() { return remoteAddress; }

    /** From the remote SDP: its ICE credentials and its certificate fingerprint ("sha-256 AB:.."). */
    public void setRemote(String remoteUfrag, String remotePassword, String remoteFingerprint) {
        synchronized (lock) {
            if (isOver()) return;
            current = new IceCredentials(current.localUfrag(), current.localPassword(), remoteUfrag);
            this.remoteFingerprint = remoteFingerprint;
        }
        maybeStartDtls();
    }

    /**
     * New local and remote ICE credentials; DTLS and SRTP carry on. The old ones keep working until the
     * first valid check with the new ones, so media keeps flowing while the browser switches over.
     */
    public void restartIce(String remoteUfrag, String remotePassword) {
        synchronized (lock) {
            if (isOver()) return;
            if (previous != null) socket.registry().unregisterUfrag(previous.localUfrag(), this);
            previous = current;
            current = LocalCredentials.fresh(remoteUfrag);
            socket.registry().registerUfrag(current.localUfrag(), this);
        }
    }

    /**
     * From now on every RTP packet sent carries a transport-wide sequence number (the remote side negotiated the
     * extension and sends feedback on it); null stops it.
     */
    public void numberPackets(TransportSequence sequence) { this.sequence = sequence; }

    public boolean sendRtp(byte[] buf, int off, int len) { return send(false, buf, off, len); }

    public boolean sendRtcp(byte[] buf, int off, int len) { return send(true, buf, off, len); }

    private boolean send(boolean rtcp, byte[] buf, int off, int len) {
        SrtpPath path = srtp;
        InetSocketAddress to = remoteAddress;
        if (path == null || to == null || state == State.CLOSED || state == State.FAILED) return false;
        return path.send(rtcp, buf, off, len, to, sequence);
    }

    public void close() { end(State.CLOSED); }

    IceCredentials credentialsFor(String localUfrag) {
        synchronized (lock) {
            if (current.localUfrag().equals(localUfrag)) return current;
            return previous != null && previous.localUfrag().equals(localUfrag) ? previous : null;
        }
    }

    /** A Binding request with our credentials arrived from {@code from} (reader thread). */
    void onValidCheck(String localUfrag, InetSocketAddress from, boolean nominated) {
        boolean reconnected = false;
        synchronized (lock) {
            if (isOver()) return;
            if (previous != null && current.localUfrag().equals(localUfrag)) { // the ICE restart is through
                socket.registry().unregisterUfrag(previous.localUfrag(), this);
                previous = null;
            }
            InetSocketAddress bound = remoteAddress;
            if (bound == null || (!bound.equals(from) && (nominated || state == State.DISCONNECTED))) {
                socket.registry().unbind(bound, this);
                socket.registry().bind(from, this);
                remoteAddress = from;
                if (state == State.NEW) state = State.CONNECTING;
            }
            if (from.equals(remoteAddress)) lastValidCheckNanos = System.nanoTime();
            if (state == State.DISCONNECTED && from.equals(remoteAddress)) {
                state = stateBeforeDisconnect;
                reconnected = true;
            }
        }
        maybeStartDtls();
        if (reconnected) tell(Handler::onReconnected);
    }

    void onDtls(byte[] buf, int len) {
        DtlsSession session = dtlsForReader;
        if (session == null || !session.offer(buf, 0, len)) socket.stats().dtlsDropped.increment();
    }

    /** SRTP or SRTCP from our bound address (reader thread); handler exceptions go to the reader. */
    void onMedia(boolean rtcp, byte[] buf, int len) {
        SrtpPath path = srtp;
        if (path == null) {
            socket.stats().droppedNotConnected.increment();
            return;
        }
        int n = path.receive(rtcp, buf, len);
        if (n < 0) return;
        if (rtcp) handler.onRtcp(this, buf, 0, n);
        else handler.onRtp(this, buf, 0, n);
    }

    /** Timer thread: fires onDisconnected when the bound address stopped sending valid checks. */
    void checkConsent(long nowNanos, long timeoutNanos) {
        synchronized (lock) {
            if ((state != State.CONNECTING && state != State.CONNECTED) || nowNanos - lastValidCheckNanos <= timeoutNanos) return;
            stateBeforeDisconnect = state;
            state = State.DISCONNECTED;
        }
        tell(Handler::onDisconnected);
    }

    private void maybeStartDtls() {
        DtlsSession session;
        synchronized (lock) {
            if (isOver() || dtls != null || remoteAddress == null || remoteFingerprint == null) return;
            session = new DtlsSession(socket.certificate(), remoteFingerprint, this::sendDtls, new DtlsListener());
            dtls = session;
        }
        dtlsForReader = session;
        session.start("dtls-" + localUfrag());
    }

    private void sendDtls(byte[] buf, int off, int len) throws IOException {
        InetSocketAddress to = remoteAddress;
        if (to != null) socket.send(ByteBuffer.wrap(buf, off, len), to);
    }

    private void end(State finalState) {
        DtlsSession session;
        synchronized (lock) {
            if (isOver()) return;
            state = finalState;
            session = dtls;
            TransportRegistry registry = socket.registry();
            registry.unregisterUfrag(current.localUfrag(), this);
            if (previous != null) registry.unregisterUfrag(previous.localUfrag(), this);
            registry.unbind(remoteAddress, this);
            registry.remove(this);
        }
        if (session != null) session.close();
        tell(Handler::onClosed);
    }

    private boolean isOver() { return state == State.CLOSED || state == State.FAILED; }

    private void tell(java.util.function.BiConsumer<Handler, PeerTransport> callback) {
        try {
            callback.accept(handler, this);
        } catch (RuntimeException e) {
            socket.stats().handlerErrors.increment();
            log.warn("transport handler failed", e);
        }
    }

    private final class DtlsListener implements DtlsSession.Listener {
        @Override
        public void onHandshakeComplete(SrtpMasterKeys keys) {
            synchronized (lock) {
                if (isOver()) return;
                srtp = new SrtpPath(keys, socket);
                if (state == State.CONNECTING) state = State.CONNECTED;
                else if (state == State.DISCONNECTED) stateBeforeDisconnect = State.CONNECTED;
            }
            tell(Handler::onConnected);
        }

        @Override
        public void onHandshakeFailed(Exception cause) {
            socket.stats().dtlsHandshakeFailures.increment();
            log.info("DTLS handshake failed with {}: {}", remoteAddress, cause.toString());
            end(State.FAILED);
        }

        @Override
        public void onClosed() { end(State.CLOSED); }
    }
}
