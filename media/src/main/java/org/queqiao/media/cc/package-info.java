/**
 * Congestion signals of our own for the downlinks we send (ADR 0009 §17): every RTP packet to a subscriber that
 * negotiated transport-wide congestion control carries a transport-wide sequence number
 * ({@link org.queqiao.media.cc.TransportSequence}), its browser reports when each arrived, and
 * {@link org.queqiao.media.cc.StandingQueue} tells from those times whether a queue is building on the way: the
 * sign of a full link, which loss reports alone cannot tell from random loss.
 *
 * <p>Like the forwarding stages: no allocation per packet, time is an argument, and each class says which threads
 * use it.
 */
package org.queqiao.media.cc;
