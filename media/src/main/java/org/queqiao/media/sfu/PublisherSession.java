package org.queqiao.media.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.queqiao.media.forward.RoundTripEstimator;
import org.queqiao.media.forward.RtxUnwrapper;
import org.queqiao.media.rtp.ExtendedReport;
import org.queqiao.media.rtp.NtpTime;
import org.queqiao.media.rtp.RtcpCompoundIterator;
import org.queqiao.media.rtp.RtcpHeader;
import org.queqiao.media.rtp.RtpPacket;
import org.queqiao.media.rtp.SenderReport;
import org.queqiao.media.sdp.LocalTransport;
import org.queqiao.media.sdp.MediaDescription;
import org.queqiao.media.sdp.PublishAnswerer;
import org.queqiao.media.sdp.PublishedTrack;
import org.queqiao.media.sdp.SdpException;
import org.queqiao.media.sdp.SessionDescription;
import org.queqiao.media.transport.PeerTransport;

/**
 * A participant's publish connection: answers its offers, turns its packets into {@link IncomingStream}s
 * and keeps it healthy (NACKs for what went missing, receiver reports and REMB, keyframe requests).
 */
final class PublisherSession extends HealthReporting {
    private static final IncomingStream[] NONE = new IncomingStream[0];

    private final PeerTransport transport;
    private final String remoteFingerprint;
    private String remoteUfrag;
    private final int senderSsrc = ThreadLocalRandom.current().nextInt();
    private final RtcpCompoundIterator rtcpIn = new RtcpCompoundIterator();
    private final PublisherFeedback feedback;
    private final RoundTripEstimator roundTrip = new RoundTripEstimator();
    private volatile IncomingStream[] streams = NONE;
    private volatile RtxUnwrapper rtx = new RtxUnwrapper(1);
    private long answers;

    record Negotiated(String answerSdp, List<IncomingStream> added, List<IncomingStream> removed) {}

    PublisherSession(ParticipantMedia owner, MediaDescription remote) {
        super(owner);
        this.transport = owner.room().router().socket().createTransport(this);
        this.remoteFingerprint = remote.fingerprint();
        this.remoteUfrag = remote.iceUfrag();
        transport.setRemote(remote.iceUfrag(), remote.icePassword(), remote.fingerprint());
        this.feedback = new PublisherFeedback(transport, senderSsrc, owner.room().router().settings(), roundTrip);
    }

    boolean sameDtlsPeer(String fingerprint) { return remoteFingerprint.equalsIgnoreCase(fingerprint); }

    boolean sameIceCredentials(MediaDescription remote) { return remoteUfrag.equals(remote.iceUfrag()); }

    void restartIce(MediaDescription remote) {
        transport.restartIce(remote.iceUfrag(), remote.icePassword());
        remoteUfrag = remote.iceUfrag();
    }

    /** Called with the participant's lock held. */
    Negotiated negotiate(SessionDescription offer, Map<String, TrackSource> sources) {
        RouterSettings settings = owner.room().router().settings();
        var local = new LocalTransport(transport.localUfrag(), transport.localPassword(),
                owner.room().router().socket().certificate().fingerprint(), settings.advertisedAddress(), owner.room().router().socket().port());
        var answer = PublishAnswerer.answer(offer, local, senderSsrc & 0x7FFFFFFFL, ++answers);
        List<IncomingStream> kept = new ArrayList<>(), added = new ArrayList<>(), removed = new ArrayList<>();
        for (PublishedTrack t : answer.tracks()) {
            TrackSource source = sources.get(t.mid());
            if (source == null) throw new SdpException("tracks must name the source of m-section " + t.mid());
            if (source.kind != t.kind()) throw new SdpException("m-section " + t.mid() + " is " + t.kind().token() + ", not " + source.wireName());
            boolean layered = t.rids().size() > 1;
            if (!layered && t.ssrc() < 0) throw new SdpException("m-section " + t.mid() + " announces no SSRC (a=ssrc) and no simulcast layers");
            IncomingStream existing = layered ? findLayered(t) : findSingle(t);
            if (existing != null && existing.source() == source) {
                kept.add(existing);
            } else {
                IncomingStream s = new IncomingStream(owner, source, t, settings.keyframeInterval().toMillis());
                kept.add(s);
                added.add(s);
            }
        }
        for (IncomingStream old : streams) if (!kept.contains(old)) removed.add(old);
        rtx = unwrapperFor(answer.tracks(), kept);
        streams = kept.toArray(IncomingStream[]::new);
        return new Negotiated(answer.sdp(), added, removed);
    }

    private IncomingStream findSingle(PublishedTrack t) {
        Layer l = find((int) t.ssrc());
        return l == null || l.stream.simulcast() ? null : l.stream;
    }

    /** A simulcast track offered again (same m-section, same layers): its SSRCs were learnt from packets, not the offer. */
    private IncomingStream findLayered(PublishedTrack t) {
        for (IncomingStream s : streams) {
            if (!s.simulcast() || !s.mid().equals(t.mid()) || s.layers().length != t.rids().size()) continue;
            boolean same = true;
            for (int i = 0; i < t.rids().size(); i++) same &= t.rids().get(i).equals(s.layers()[i].rid);
            if (same) return s;
        }
        return null;
    }

    private static RtxUnwrapper unwrapperFor(List<PublishedTrack> tracks, List<IncomingStream> kept) {
        int layers = 0;
        for (IncomingStream s : kept) layers += s.layers().length;
        var u = new RtxUnwrapper(Math.max(1, layers));
        for (IncomingStream s : kept) { // simulcast layers whose RTX was learnt already
            for (Layer l : s.layers()) if (s.simulcast() && l.known() && l.rtxSsrc() != Layer.UNKNOWN) u.addStream((int) l.rtxSsrc(), l.rawSsrc());
        }
        for (PublishedTrack t : tracks) {
            if (t.rtxSsrc() >= 0) u.addStream((int) t.rtxSsrc(), (int) t.ssrc());
            for (int pt = 0; pt < t.rtxPayloadTypes().length; pt++) {
                if (t.rtxPayloadTypes()[pt] >= 0) u.mapPayloadType(pt, t.rtxPayloadTypes()[pt]);
            }
        }
        return u;
    }

    List<IncomingStream> streams() { return List.of(streams); }

    boolean disconnected() { return transport.state() == PeerTransport.State.DISCONNECTED; }

    private Layer find(int ssrc) {
        for (IncomingStream s : streams) {
            Layer l = s.layerBySsrc(ssrc);
            if (l != null) return l;
        }
        return null;
    }

    @Override
    public void onRtp(PeerTransport t, byte[] buf, int off, int len) {
        if (!RtpPacket.isValid(buf, off, len)) return;
        IncomingStream[] all = streams;
        RtxUnwrapper unwrapper = rtx;
        Layer layer = find(RtpPacket.ssrc(buf, off));
        // an SSRC nobody announced: a simulcast layer naming itself, or else ignored
        if (layer == null && !unwrapper.isRtx(buf, off) && LayerSsrcs.learn(all, unwrapper, buf, off, len)) layer = find(RtpPacket.ssrc(buf, off));
        boolean retransmission = false;
        if (layer == null) {
            if (!unwrapper.isRtx(buf, off)) return;
            int n = unwrapper.unwrap(buf, off, len);
            if (n <= 0) return; // padding-only probes carry nothing to forward
            len = n;
            layer = find(RtpPacket.ssrc(buf, off));
            if (layer == null) return;
            retransmission = true;
        }
        layer.stream.receive(layer, buf, off, len, retransmission, System.nanoTime());
    }

    @Override
    public void onRtcp(PeerTransport t, byte[] buf, int off, int len) {
        var it = rtcpIn.reset(buf, off, len);
        long nowMillis = System.nanoTime() / 1_000_000;
        while (it.next()) {
            if (it.packetType() == ExtendedReport.XR) {
                ExtendedReport.read(buf, it.offset(), it.length(), dlrrs);
                continue;
            }
            if (it.packetType() != RtcpHeader.SR) continue;
            Layer l = find(SenderReport.senderSsrc(buf, it.offset()));
            if (l != null) l.stream.forwardSenderReport(l, buf, it.offset(), it.length(), SenderReport.compactNtp(buf, it.offset()), nowMillis);
        }
    }

    /** The publisher's echo of our RRTR: a round trip (reader thread only, like onRtcp). */
    private final ExtendedReport.Visitor dlrrs = new ExtendedReport.Visitor() {
        @Override
        public void dlrr(int ssrc, int lastReceiverReport, int delay) {
            if (ssrc == senderSsrc) roundTrip.onEcho(NtpTime.compact(NtpTime.of(System.nanoTime())), lastReceiverReport, delay);
        }
    };

    /** The measured round trip to the publisher in ms, -1 until its first DLRR. */
    long roundTripMillis() { return roundTrip.millis(); }

    /** Timer thread: NACKs, due keyframe requests, and every report interval RR + REMB. */
    void tick(long nowNanos) {
        if (transport.state() != PeerTransport.State.CONNECTED) return;
        feedback.tick(streams, nowNanos);
    }

    /** Reader thread: a gap in {@code layer}: NACK it now rather than at the next tick. */
    void nackNow(Layer layer, long nowNanos) {
        if (transport.state() == PeerTransport.State.CONNECTED) feedback.nack(layer, nowNanos / 1_000_000);
    }

    /** A subscriber needs a keyframe of {@code stream}: ask now unless one was asked for just now. */
    void requestKeyframe(Layer layer) {
        if (layer.stream.keyframeWanted(layer, System.nanoTime() / 1_000_000)) feedback.sendPli(layer);
    }

    @Override
    public void onConnected(PeerTransport t) {
        for (IncomingStream s : streams) {
            if (s.kind() != org.queqiao.media.sdp.MediaKind.VIDEO) continue;
            for (Layer l : s.layers()) if (l.known()) requestKeyframe(l);
        }
    }

    void close() { transport.close(); }
}
