package org.queqiao.media.forward;

import org.queqiao.media.rtp.SequenceNumbers;

/**
 * One subscriber's sequence numbers for one forwarded stream.
 *
 * <p>While the subscriber gets everything the publisher sends, they are the publisher's own. When forwarding
 * pauses (the host muted a microphone, stopped a camera) and resumes, the publisher's numbers have moved on by
 * every packet sent meanwhile, and the subscriber would see a gap that size. Past 32,768 packets (eleven
 * minutes of Opus, which a muted browser keeps sending) its SRTP, and ours, take the next packet for an old
 * one and refuse it, for up to as long again. So after a pause the subscriber's numbers carry on from the last
 * one it was sent, with a new offset from the first packet after the resume: an epoch. A packet from before
 * that first one, arriving late, is dropped: its number would land on one the subscriber already had.
 *
 * <p>The reader thread forwards and answers NACKs; {@link #resume} comes from signalling, hence volatile.
 */
public final class SequenceRewriter {
    /** The first packet of an epoch is extended to this, so that late ones from before extend lower. */
    private static final long EPOCH_BASE = 1L << 20;

    private boolean started;
    private boolean rewriting;
    private int offset;
    private long epochStart;
    private long highest;
    private volatile boolean resumePending;

    /** Forwarding resumes after a pause: the next packet continues the subscriber's numbers. */
    public void resume() {
        resumePending = true;
    }

    /** The subscriber's number for a packet the publisher numbered {@code sequenceNumber}, or -1 to drop it. */
    public int toSubscriber(int sequenceNumber) {
        if (!started || resumePending) {
            if (started) {
                rewriting = true;
                offset = SequenceNumbers.add(subscriberNumber(highest), 1 - sequenceNumber);
            }
            started = true;
            resumePending = false;
            epochStart = highest = EPOCH_BASE + sequenceNumber;
            return SequenceNumbers.add(sequenceNumber, offset);
        }
        long extended = SequenceNumbers.extend(sequenceNumber, highest);
        if (extended > highest) highest = extended;
        // before the first resume nothing is rewritten, and a late packet is simply late
        if (rewriting && extended < epochStart) return -1;
        return SequenceNumbers.add(sequenceNumber, offset);
    }

    /**
     * The publisher's number behind a number the subscriber was sent in this epoch (a NACK asks by the
     * subscriber's numbers), or -1 when it was not sent in this epoch.
     */
    public int toPublisher(int subscriberNumber) {
        if (!started) return -1;
        int publisherNumber = SequenceNumbers.add(subscriberNumber, -offset);
        long extended = SequenceNumbers.extend(publisherNumber, highest);
        if (extended > highest || (rewriting && extended < epochStart)) return -1;
        return publisherNumber;
    }

    private int subscriberNumber(long extendedPublisherNumber) {
        return SequenceNumbers.add((int) (extendedPublisherNumber & 0xFFFF), offset);
    }
}
