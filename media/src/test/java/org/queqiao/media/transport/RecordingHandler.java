package org.queqiao.media.transport;

import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Remembers what a transport told it, with copies of the media (the reader reuses its buffer). */
final class RecordingHandler implements PeerTransport.Handler {
    final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();

    String nextEvent() throws InterruptedException {
        return events.poll(10, TimeUnit.SECONDS);
    }

    byte[] nextRtp() throws InterruptedException { return rtp.poll(5, TimeUnit.SECONDS); }

    byte[] nextRtcp() throws InterruptedException { return rtcp.poll(5, TimeUnit.SECONDS); }

    @Override public void onConnected(PeerTransport t) { events.add("connected"); }

    @Override public void onRtp(PeerTransport t, byte[] buf, int off, int len) { rtp.add(Arrays.copyOfRange(buf, off, off + len)); }

    @Override public void onRtcp(PeerTransport t, byte[] buf, int off, int len) { rtcp.add(Arrays.copyOfRange(buf, off, off + len)); }

    @Override public void onDisconnected(PeerTransport t) { events.add("disconnected"); }

    @Override public void onReconnected(PeerTransport t) { events.add("reconnected"); }

    @Override public void onClosed(PeerTransport t) { events.add("closed"); }
}
