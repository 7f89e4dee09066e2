package org.queqiao.gateway;

import org.queqiao.platform.auth.Principal;

/**
 * One client's stream of pushes, which outlives its socket: pushes are numbered here, kept until
 * acknowledged, and replayed to the next socket that resumes with the resume key. Any thread may
 * push; the lock makes "number, remember, enqueue to the socket" one step, and because every
 * enqueue goes through the socket's event-loop queue, frames leave in sequence order.
 */
final class ClientSession {
    final String resumeKey;
    final Principal principal;
    private final ResumeBuffer unacked;
    private long lastSeq;
    private ClientConnection connection;
    private long detachedAtNanos;
    private boolean ended;

    ClientSession(String resumeKey, Principal principal, int bufferCapacity, long bufferBytes) {
        this.resumeKey = resumeKey;
        this.principal = principal;
        this.unacked = new ResumeBuffer(bufferCapacity, bufferBytes);
    }

    /** Same member, same organisation, same login session (so revoking that session reaches this one). */
    boolean belongsTo(Principal p) {
        return principal.memberId().equals(p.memberId())
                && principal.orgId().equals(p.orgId())
                && principal.sessionId().equals(p.sessionId());
    }

    synchronized void push(String topic, String dataJson) {
        if (ended) return;
        PushFrame frame = new PushFrame(++lastSeq, topic, dataJson);
        unacked.add(frame);
        if (connection != null) connection.enqueue(frame);
    }

    synchronized void ack(long seq) {
        unacked.dropThrough(Math.min(seq, lastSeq));
    }

    /** First socket of a new session: ready, then live pushes. */
    synchronized void start(ClientConnection c, long heartbeatMs, boolean resumeRefused) {
        connection = c;
        c.enqueueText(ServerFrames.ready(resumeKey, lastSeq, heartbeatMs, false, resumeRefused));
    }

    /**
     * Moves the session to {@code c} if every push after {@code clientLastSeq} is still held:
     * ready, the missed pushes in order, then live ones. A socket still attached is replaced.
     */
    synchronized boolean resume(ClientConnection c, long clientLastSeq, long heartbeatMs) {
        long oldestHeld = unacked.oldestSeqOr(lastSeq + 1);
        if (ended || clientLastSeq > lastSeq || clientLastSeq < oldestHeld - 1) return false;
        ClientConnection previous = connection;
        connection = c;
        unacked.dropThrough(clientLastSeq);
        c.enqueueText(ServerFrames.ready(resumeKey, clientLastSeq, heartbeatMs, true, false));
        unacked.forEach(c::enqueue);
        if (previous != null && previous != c) {
            previous.disconnect(ErrorCode.CONNECTION_REPLACED, ErrorCode.CONNECTION_REPLACED.defaultMessage());
        }
        return true;
    }

    synchronized boolean hasSocket() {
        return connection != null;
    }

    /** @return true if {@code c} was the attached socket; pushes are only buffered from now on */
    synchronized boolean detach(ClientConnection c) {
        if (connection != c) return false;
        connection = null;
        detachedAtNanos = System.nanoTime();
        return true;
    }

    synchronized boolean detachedLongerThan(long windowNanos) {
        return !ended && connection == null && System.nanoTime() - detachedAtNanos >= windowNanos;
    }

    /** Ends the session for good; returns the socket to close, if one is attached. */
    synchronized ClientConnection end() {
        ended = true;
        unacked.clear();
        ClientConnection c = connection;
        connection = null;
        return c;
    }
}
