package org.queqiao.media.sfu;

import java.util.List;
import java.util.Map;
import org.queqiao.media.sdp.MediaDescription;
import org.queqiao.media.sdp.SdpException;
import org.queqiao.media.sdp.SdpParser;
import org.queqiao.media.sdp.SessionDescription;

/**
 * One participant's two connections: the publish session (the browser offers) and the subscribe session
 * (we offer). Signalling calls are serialised per participant; the packet path reads the sessions
 * through volatile fields and never waits for signalling.
 */
final class ParticipantMedia {
    private final String id;
    private final Room room;
    private volatile PublisherSession publisher;
    private volatile SubscriberSession subscriber;
    private boolean audioAllowed = true;
    private boolean videoAllowed = true;
    private boolean connectionLost;

    ParticipantMedia(String id, Room room) {
        this.id = id;
        this.room = room;
    }

    String id() { return id; }

    Room room() { return room; }

    synchronized String publish(String offerSdp, Map<String, TrackSource> sources) {
        SessionDescription offer = SdpParser.parse(offerSdp);
        MediaDescription remote = offer.firstAccepted();
        if (remote == null || remote.iceUfrag() == null || remote.icePassword() == null || remote.fingerprint() == null) {
            throw new SdpException("the offer lacks ICE credentials or a DTLS fingerprint");
        }
        PublisherSession session = publisher;
        if (session == null || !session.sameDtlsPeer(remote.fingerprint())) {
            // A new RTCPeerConnection on the client (a reload, a new device): start over.
            if (session != null) closePublisher(session);
            session = new PublisherSession(this, remote);
            publisher = session;
        } else if (!session.sameIceCredentials(remote)) {
            session.restartIce(remote);
        }
        PublisherSession.Negotiated result = session.negotiate(offer, sources);
        for (IncomingStream added : result.added()) added.forwarding(allowed(added));
        room.changed(this, result.added(), result.removed());
        return result.answerSdp();
    }

    synchronized SubscribeOffer subscribe(boolean iceRestart) {
        SubscriberSession session = subscriber;
        if (session != null && iceRestart) {
            session.restartIce();
            return session.offer(true);
        }
        if (session != null) session.close();
        SubscriberSession fresh = new SubscriberSession(this);
        room.attach(this, fresh);
        return fresh.offer(true);
    }

    synchronized void answer(String answerSdp, long version) {
        SubscriberSession session = subscriber;
        if (session == null) throw new IllegalStateException("subscribe first");
        session.answer(SdpParser.parse(answerSdp), version);
    }

    /** The cameras this participant shows: only they are forwarded to its subscribe connection. */
    synchronized void view(java.util.Set<String> cameras, Map<String, Integer> heights) {
        SubscriberSession session = subscriber;
        if (session == null) throw new IllegalStateException("subscribe first");
        session.view(cameras, heights);
    }

    synchronized void forwarding(boolean audio, boolean video) {
        boolean cameraBack = video && !videoAllowed;
        audioAllowed = audio;
        videoAllowed = video;
        for (IncomingStream s : streams()) {
            s.forwarding(allowed(s));
            // subscribers missed the frames in between: without a keyframe they would wait for their own PLIs
            if (cameraBack && s.source() == TrackSource.CAMERA) for (Layer l : s.layers()) if (l.known()) requestKeyframe(l);
        }
    }

    private boolean allowed(IncomingStream s) {
        return switch (s.source()) {
            case MICROPHONE -> audioAllowed;
            case CAMERA -> videoAllowed;
            case SCREEN -> true;
        };
    }

    /** Called with the room's lock held. */
    void subscriberAttached(SubscriberSession session) { subscriber = session; }

    /** Called with the room's lock held. */
    void streamsChanged(List<IncomingStream> added, List<IncomingStream> removed) {
        SubscriberSession s = subscriber;
        if (s != null) s.streamsChanged(added, removed);
    }

    List<IncomingStream> streams() {
        PublisherSession p = publisher;
        return p == null ? List.of() : p.streams();
    }

    long publisherRoundTripMillis() {
        PublisherSession p = publisher;
        return p == null ? -1 : p.roundTripMillis();
    }

    /** A transport lost or regained its path; tell the meeting layer when the participant's state flips. */
    void transportHealth() {
        PublisherSession p = publisher;
        SubscriberSession s = subscriber;
        boolean lost = (p != null && p.disconnected()) || (s != null && s.disconnected());
        synchronized (this) {
            if (lost == connectionLost) return;
            connectionLost = lost;
        }
        MediaEvents events = room.router().events();
        room.router().emit(lost ? () -> events.connectionLost(room.id(), id) : () -> events.connectionRestored(room.id(), id));
    }

    /** Reader thread: {@code layer} just showed a gap; its publisher is asked for the missing packets now. */
    void nackNow(Layer layer, long nowNanos) {
        PublisherSession p = publisher;
        if (p != null) p.nackNow(layer, nowNanos);
    }

    /** Asks this participant's browser for a keyframe of one of its streams, under the stream's rate limit. */
    void requestKeyframe(Layer layer) {
        PublisherSession p = publisher;
        if (p != null && layer.known()) p.requestKeyframe(layer);
    }

    void tick(long nowNanos) {
        PublisherSession p = publisher;
        if (p != null) p.tick(nowNanos);
        SubscriberSession s = subscriber;
        if (s != null) s.tick(nowNanos);
    }

    private void closePublisher(PublisherSession session) {
        room.changed(this, List.of(), session.streams());
        session.close();
    }

    synchronized void close() {
        PublisherSession p = publisher;
        SubscriberSession s = subscriber;
        publisher = null;
        subscriber = null;
        if (p != null) p.close();
        if (s != null) s.close();
    }
}
