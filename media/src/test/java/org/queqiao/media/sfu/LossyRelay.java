package org.queqiao.media.sfu;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP relay between one WebRTC peer and the router's media port that drops every {@code n}th RTP
 * packet of each of some payload types in one direction (SRTP leaves the RTP header in the clear). RTX
 * has its own payload type, so video retransmissions always pass; audio has none, so a resent Opus packet
 * is counted, and dropped now and then, like any other. The peer is told the relay's port
 * as the router's candidate; the router sees the relay's address as the peer's, bound by the ICE check.
 */
final class LossyRelay implements AutoCloseable {
    enum Direction { TO_ROUTER, FROM_ROUTER }

    private final DatagramSocket facingPeer;
    private final DatagramSocket facingRouter;
    private final Direction lossy;
    private final int[] payloadTypes;
    private final int every;
    private final java.util.concurrent.atomic.AtomicIntegerArray seen = new java.util.concurrent.atomic.AtomicIntegerArray(128);
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile SocketAddress peer;
    private volatile boolean closed;
    private final Thread up;
    private final Thread down;

    LossyRelay(String address, int routerPort, Direction lossy, int every, int... payloadTypes) throws IOException {
        InetAddress host = InetAddress.getByName(address);
        this.facingPeer = new DatagramSocket(new InetSocketAddress(host, 0));
        this.facingRouter = new DatagramSocket(new InetSocketAddress(host, 0));
        this.facingRouter.connect(new InetSocketAddress(host, routerPort));
        facingPeer.setSoTimeout(200);
        facingRouter.setSoTimeout(200);
        this.lossy = lossy;
        this.payloadTypes = payloadTypes;
        this.every = every;
        up = Thread.ofPlatform().daemon().name("relay-up-" + port()).start(() -> pump(facingPeer, Direction.TO_ROUTER));
        down = Thread.ofPlatform().daemon().name("relay-down-" + port()).start(() -> pump(facingRouter, Direction.FROM_ROUTER));
    }

    int port() { return facingPeer.getLocalPort(); }

    int dropped() { return dropped.get(); }

    private void pump(DatagramSocket from, Direction direction) {
        byte[] buf = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!closed) {
            try {
                packet.setLength(buf.length);
                from.receive(packet);
                if (direction == Direction.TO_ROUTER) peer = packet.getSocketAddress();
                if (direction == lossy && isRtp(buf, packet.getLength())) {
                    int pt = buf[1] & 0x7f;
                    if (lossyType(pt) && seen.incrementAndGet(pt) % every == every / 2) {
                        dropped.incrementAndGet();
                        continue;
                    }
                }
                if (direction == Direction.TO_ROUTER) {
                    facingRouter.send(new DatagramPacket(buf, packet.getLength()));
                } else if (peer != null) {
                    facingPeer.send(new DatagramPacket(buf, packet.getLength(), peer));
                }
            } catch (SocketTimeoutException idle) {
                // look at closed again
            } catch (IOException e) {
                if (!closed) System.err.println("relay: " + e);
            }
        }
    }

    private boolean lossyType(int pt) {
        for (int t : payloadTypes) if (t == pt) return true;
        return false;
    }

    private static boolean isRtp(byte[] b, int len) {
        if (len < 12 || (b[0] & 0xc0) != 0x80) return false;
        int second = b[1] & 0xff;
        return second < 192 || second > 223;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        up.join(1000);
        down.join(1000);
        facingPeer.close();
        facingRouter.close();
    }
}
