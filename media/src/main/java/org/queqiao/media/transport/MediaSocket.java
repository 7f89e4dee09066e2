package org.queqiao.media.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.queqiao.media.dtls.DtlsCertificate;
import org.queqiao.media.stun.BindingOutcome;
import org.queqiao.media.stun.BindingResponder;
import org.queqiao.media.stun.IceCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP port for every peer transport (ADR 0009). A single platform thread reads datagrams into one
 * reused buffer, sorts them by first byte (RFC 7983) and hands them on: STUN to the Binding responder, DTLS
 * and SRTP to the transport bound to the sender's address. One timer thread checks consent for all.
 */
public final class MediaSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaSocket.class);
    private static final int MAX_DATAGRAM = 4096; // WebRTC keeps packets under ~1,300 bytes; longer ones are cut and fail auth

    private final MediaSocketSettings settings;
    private final DatagramChannel channel;
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final TransportRegistry registry = new TransportRegistry();
    private final MediaSocketStats stats = new MediaSocketStats();
    private final BindingResponder responder;
    private final ScheduledExecutorService timer;
    private final Thread reader;
    private final int port;
    private volatile boolean closed;

    private MediaSocket(MediaSocketSettings settings, DatagramChannel channel) throws IOException {
        this.settings = settings;
        this.channel = channel;
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.responder = new BindingResponder(this::credentialsFor);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("media-consent-" + port).unstarted(r));
        long periodMillis = Math.clamp(settings.consentTimeout().toMillis() / 4, 50, 1000);
        timer.scheduleAtFixedRate(this::checkConsent, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        this.reader = Thread.ofPlatform().daemon().name("media-reader-" + port).unstarted(this::readLoop);
    }

    /** Binds the port and starts the reader thread. */
    public static MediaSocket open(MediaSocketSettings settings) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
            channel.bind(new InetSocketAddress(settings.bindAddress(), settings.port()));
            MediaSocket socket = new MediaSocket(settings, channel);
            socket.reader.start();
            return socket;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public int port() { return port; }

    public DtlsCertificate certificate() { return certificate; }

    public MediaSocketStats stats() { return stats; }

    /** A transport with fresh random local credentials, ready for connectivity checks. */
    public PeerTransport createTransport(PeerTransport.Handler handler) {
        if (closed) throw new IllegalStateException("media socket closed");
        PeerTransport transport = new PeerTransport(this, handler);
        registry.add(transport);
        registry.registerUfrag(transport.localUfrag(), transport);
        return transport;
    }

    /** Stops the reader and the timer and closes every transport. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            channel.close(); // wakes the reader out of receive
        } catch (IOException e) {
            log.debug("closing the media channel", e);
        }
        timer.shutdownNow();
        for (PeerTransport t : registry.all()) t.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    TransportRegistry registry() { return registry; }

    void send(ByteBuffer datagram, InetSocketAddress to) throws IOException {
        channel.send(datagram, to);
        stats.packetsOut.increment();
    }

    private IceCredentials credentialsFor(String localUfrag) {
        PeerTransport t = registry.byUfrag(localUfrag);
        return t == null ? null : t.credentialsFor(localUfrag);
    }

    private void readLoop() {
        byte[] buf = new byte[MAX_DATAGRAM];
        ByteBuffer view = ByteBuffer.wrap(buf);
        byte[] stunResponse = new byte[512];
        while (!closed) {
            InetSocketAddress from;
            try {
                view.clear();
                from = (InetSocketAddress) channel.receive(view); // the JDK reuses the address object per sender
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (closed) break;
                stats.handlerErrors.increment();
                continue;
            }
            if (from == null) continue;
            stats.packetsIn.increment();
            try {
                dispatch(buf, view.position(), from, stunResponse);
            } catch (Throwable t) { // a handler's bug or a packet we did not foresee must not stop the port
                stats.handlerErrors.increment();
                log.debug("packet from {} failed", from, t);
            }
        }
    }

    private void dispatch(byte[] buf, int len, InetSocketAddress from, byte[] stunResponse) throws IOException {
        PacketKind kind = PacketKind.of(buf, len);
        if (kind == PacketKind.STUN) {
            handleStun(buf, len, from, stunResponse);
            return;
        }
        if (kind == PacketKind.UNKNOWN) {
            stats.droppedMalformed.increment();
            return;
        }
        PeerTransport transport = registry.byAddress(from);
        if (transport == null) {
            stats.droppedUnknownAddress.increment();
        } else if (kind == PacketKind.DTLS) {
            transport.onDtls(buf, len);
        } else {
            transport.onMedia(kind == PacketKind.RTCP, buf, len);
        }
    }

    private void handleStun(byte[] buf, int len, InetSocketAddress from, byte[] stunResponse) throws IOException {
        BindingOutcome outcome = responder.handle(buf, 0, len, from, stunResponse);
        // Bind before answering, so that the address is ours by the time the peer acts on the answer.
        switch (outcome.verdict()) {
            case MALFORMED -> stats.droppedMalformed.increment();
            case BAD_REQUEST, UNAUTHORIZED -> stats.stunAuthFailures.increment();
            case ACCEPTED -> {
                PeerTransport t = registry.byUfrag(outcome.localUfrag());
                if (t != null) t.onValidCheck(outcome.localUfrag(), from, outcome.useCandidate());
            }
            default -> { } // IGNORED, ROLE_CONFLICT: answered or dropped, nothing to bind
        }
        if (outcome.responseLength() > 0) send(ByteBuffer.wrap(stunResponse, 0, outcome.responseLength()), from);
    }

    private void checkConsent() {
        long now = System.nanoTime();
        long timeout = settings.consentTimeout().toNanos();
        for (PeerTransport t : registry.all()) {
            try {
                t.checkConsent(now, timeout);
            } catch (RuntimeException e) {
                log.warn("consent check failed", e);
            }
        }
    }
}
