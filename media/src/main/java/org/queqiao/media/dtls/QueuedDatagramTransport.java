package org.queqiao.media.dtls;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Hands DTLS records from the socket's reader thread to the handshake thread. The reader copies each
 * record into a bounded queue ({@link #offer} never blocks; when full the record is dropped, as the network
 * might, and bctls retransmits); bctls pulls from it with a timeout, which is how it paces retransmissions.
 * Sending goes straight out through the shared socket to the peer's current address.
 */
public final class QueuedDatagramTransport implements DatagramTransport {
    /** Payload we may put in one datagram: below any path MTU we expect, so bctls fragments the certificate. */
    static final int SEND_LIMIT = 1200;
    static final int RECEIVE_LIMIT = 1500;
    private static final int CAPACITY = 64;

    /** Where outgoing records go. */
    public interface Sender {
        void send(byte[] buf, int off, int len) throws IOException;
    }

    private final ArrayBlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(CAPACITY);
    private final Sender sender;
    private volatile boolean closed;

    public QueuedDatagramTransport(Sender sender) {
        this.sender = sender;
    }

    /** Called by the reader thread; false when the queue is full or closed and the record was dropped. */
    public boolean offer(byte[] buf, int off, int len) {
        if (closed || len > RECEIVE_LIMIT) return false;
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        return inbound.offer(copy);
    }

    @Override
    public int getReceiveLimit() { return RECEIVE_LIMIT; }

    @Override
    public int getSendLimit() { return SEND_LIMIT; }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) throw new IOException("transport closed");
        byte[] record;
        try {
            record = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for DTLS");
        }
        if (record == null) return -1; // timeout: bctls decides whether to retransmit
        int n = Math.min(len, record.length);
        System.arraycopy(record, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) return;
        sender.send(buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
    }
}
