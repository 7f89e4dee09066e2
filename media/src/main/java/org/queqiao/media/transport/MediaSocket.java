package org.queqiao.media.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
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
 * One UDP port for every peer transport (ADR 0009). A single I/O thread reads datagrams, copies each into
 * one reused array, sorts them by first byte (RFC 7983) and hands them on: STUN to the Binding responder,
 * DTLS and SRTP to the transport bound to the sender's address. One timer thread checks consent for all.
 *
 * <p>The socket is Netty's native epoll datagram channel (NIO where epoll is missing) rather than the JDK's
 * {@code DatagramChannel}, for one reason: syscalls. Every forwarded packet was one {@code sendto}, and
 * syscall entry was the largest single cost of the SFU (bench/sfu-load.sh, BENCHMARKS.md). Datagrams sent
 * on the I/O thread while it handles a read pass (the fan-out of every packet in it) are queued and leave in
 * one {@code sendmmsg} when the pass ends; reads take up to {@link #READ_BATCH} datagrams per
 * {@code recvmmsg}. The JDK has neither call, and the FFM API needs release 22 (the project builds for 21).
 * Sends from other threads (DTLS, the timer) are handed to the I/O thread and flushed at once.
 */
public final class MediaSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaSocket.class);
    private static final int MAX_DATAGRAM = 4096; // WebRTC keeps packets under ~1,300 bytes; longer ones are cut and fail auth
    private static final int READ_BATCH = 16;     // datagrams per recvmmsg, and Netty's default messages per read pass
    private static final int MAX_QUEUED_BYTES = 8 << 20; // unsent bytes past which sends are dropped (UDP may drop)

    private final MediaSocketSettings settings;
    private final EventLoopGroup group;
    private final Channel channel;
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final TransportRegistry registry = new TransportRegistry();
    private final MediaSocketStats stats = new MediaSocketStats();
    private final BindingResponder responder;
    private final ScheduledExecutorService timer;
    private final int port;
    private final byte[] buf = new byte[MAX_DATAGRAM];      // I/O thread only
    private final byte[] stunResponse = new byte[512];      // I/O thread only
    private boolean inReadPass;                              // I/O thread only: sends now wait for the pass's flush
    private volatile Thread ioThread;
    private volatile boolean closed;

    private MediaSocket(MediaSocketSettings settings, EventLoopGroup group, Bootstrap bootstrap) throws IOException {
        this.settings = settings;
        this.group = group;
        this.responder = new BindingResponder(this::credentialsFor);
        bootstrap.handler(new Inbound());
        this.channel = bootstrap.bind(settings.bindAddress(), settings.port()).syncUninterruptibly().channel();
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
        channel.eventLoop().execute(() -> {
            ioThread = Thread.currentThread();
            ioThread.setName("media-reader-" + port);
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("media-consent-" + port).unstarted(r));
        long periodMillis = Math.clamp(settings.consentTimeout().toMillis() / 4, 50, 1000);
        timer.scheduleAtFixedRate(this::checkConsent, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Binds the port and starts the I/O thread. */
    public static MediaSocket open(MediaSocketSettings settings) throws IOException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("media-reader", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, settings.receiveBufferBytes())
                .option(ChannelOption.SO_SNDBUF, settings.sendBufferBytes())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(MAX_QUEUED_BYTES / 2, MAX_QUEUED_BYTES))
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(epoll ? MAX_DATAGRAM * READ_BATCH : MAX_DATAGRAM));
        if (epoll) bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM); // turns recvmmsg on
        try {
            return new MediaSocket(settings, group, bootstrap);
        } catch (IOException | RuntimeException e) { // Netty rethrows a BindException as it is
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
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
        channel.close().awaitUninterruptibly(2000);
        timer.shutdownNow();
        for (PeerTransport t : registry.all()) t.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3000);
        Thread io = ioThread; // the group's termination completes on that thread, just before it ends
        try {
            if (io != null && io != Thread.currentThread()) io.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    TransportRegistry registry() { return registry; }

    /**
     * Sends one datagram (copied: the caller may reuse its buffer at once). On the I/O thread during a read
     * pass it is queued for the pass's {@code sendmmsg}; from any other thread it is flushed now. A send
     * queue past {@link #MAX_QUEUED_BYTES} (the kernel refusing for long) drops it and counts a send failure.
     */
    void send(ByteBuffer datagram, InetSocketAddress to) throws IOException {
        if (closed) throw new ClosedChannelException();
        if (!channel.isWritable()) {
            stats.sendFailures.increment();
            return;
        }
        ByteBuf copy = channel.alloc().directBuffer(datagram.remaining());
        copy.writeBytes(datagram);
        DatagramPacket packet = new DatagramPacket(copy, to);
        if (inReadPass && channel.eventLoop().inEventLoop()) {
            channel.write(packet, channel.voidPromise());
        } else {
            channel.writeAndFlush(packet, channel.voidPromise());
        }
        stats.packetsOut.increment();
    }

    private IceCredentials credentialsFor(String localUfrag) {
        PeerTransport t = registry.byUfrag(localUfrag);
        return t == null ? null : t.credentialsFor(localUfrag);
    }

    /** The I/O thread's side: one datagram per channelRead, the pass's queued sends flushed at its end. */
    private final class Inbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DatagramPacket packet = (DatagramPacket) msg;
            inReadPass = true;
            try {
                ByteBuf content = packet.content();
                int len = Math.min(content.readableBytes(), buf.length);
                content.getBytes(content.readerIndex(), buf, 0, len);
                stats.packetsIn.increment();
                dispatch(buf, len, packet.sender(), stunResponse);
            } catch (Throwable t) { // a handler's bug or a packet we did not foresee must not stop the port
                stats.handlerErrors.increment();
                log.debug("packet from {} failed", packet.sender(), t);
            } finally {
                packet.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            inReadPass = false;
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Failed writes (sent with the void promise) and failed reads land here; the socket stays open.
            stats.sendFailures.increment();
            log.debug("media socket error", cause);
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
