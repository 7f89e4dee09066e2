package org.queqiao.media.sfu;

import java.util.Arrays;
import org.queqiao.media.cc.TransportSequence;
import org.queqiao.media.rtp.ExtendedReport;
import org.queqiao.media.rtp.Fir;
import org.queqiao.media.rtp.NtpTime;
import org.queqiao.media.rtp.Remb;
import org.queqiao.media.rtp.RtcpCompoundIterator;
import org.queqiao.media.rtp.RtcpFeedback;
import org.queqiao.media.rtp.RtcpHeader;
import org.queqiao.media.sdp.LocalTransport;
import org.queqiao.media.sdp.MediaDescription;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.sdp.SdpException;
import org.queqiao.media.sdp.ServerCodecs;
import org.queqiao.media.sdp.SessionDescription;
import org.queqiao.media.sdp.SubscribeOfferWriter;
import org.queqiao.media.transport.PeerTransport;

/**
 * A participant's subscribe connection: the streams it receives, the offers that describe them, and the
 * RTCP it sends back (NACKs answered from the stream's cache as RTX, keyframe requests passed on to the
 * publisher under its rate limit, receiver reference times echoed at once as DLRR so that the browser knows
 * its round trip and repeats NACKs at that pace), and the reports of loss, REMB and transport-wide feedback (when
 * its answer takes our numbers: ADR 0009 §17) that say how much its downlink carries, which the simulcast layers it
 * gets are fitted into (§15).
 */
final class SubscriberSession extends HealthReporting {
    private static final Outgoing[] NONE = new Outgoing[0];

    private final PeerTransport transport;
    private final SubscribeNegotiator negotiator = new SubscribeNegotiator();
    private final RtcpCompoundIterator rtcpIn = new RtcpCompoundIterator();
    private final long sessionId = Math.abs(System.nanoTime() % 1_000_000_000L);
    private final int senderSsrc = java.util.concurrent.ThreadLocalRandom.current().nextInt();
    // reader thread only; SRTCP seals in place, so the buffer has room for its tag and index after the packet
    private final byte[] echo = new byte[ExtendedReport.DLRR_PACKET_LENGTH + 64];
    private final ReferenceTimes referenceTimes = new ReferenceTimes();
    /** How often a simulcast stream looks again at which layers are sending (a layer that stops freezes its receivers until then). */
    private static final long RETARGET_INTERVAL_NANOS = 100_000_000L;

    private volatile Outgoing[] outgoing = NONE;
    private final DownlinkFit downlink;
    private long lastRetargetNanos;
    /** The participants whose cameras this subscriber shows, or null (never said: all of them). */
    private java.util.Set<String> cameras;
    /** Set once the answer takes transport-wide numbers (ADR 0009 §17). */
    private TransportSequence numbering;
    private String remoteUfrag;
    private String remoteFingerprint;

    SubscriberSession(ParticipantMedia owner) {
        super(owner);
        this.downlink = new DownlinkFit(owner.room().router().adaptation(), owner.room().router().settings().frameEndCopies());
        this.transport = owner.room().router().socket().createTransport(this);
    }

    /** Takes the streams in and out and offers the result in one round. */
    void streamsChanged(java.util.List<IncomingStream> added, java.util.List<IncomingStream> removed) {
        for (IncomingStream s : removed) untrack(s);
        for (IncomingStream s : added) track(s);
        offerChanges();
    }

    /** Takes a stream into the next offer without offering yet (while the first offer is being built). */
    boolean track(IncomingStream stream) {
        synchronized (this) {
            for (Outgoing x : outgoing) if (x.stream() == stream) return false;
            Outgoing o = Outgoing.of(stream, this, owner.room().router().retransmissions());
            Outgoing[] next = Arrays.copyOf(outgoing, outgoing.length + 1);
            next[next.length - 1] = o;
            outgoing = next;
            if (wants(stream)) stream.addSubscriber(o); // under this lock: a view() meanwhile decides after
        }
        negotiator.add(stream);
        return true;
    }

    /**
     * The cameras this subscriber shows (a gallery page, the speaker view): only those are forwarded to it. The
     * others stay negotiated, so showing one again needs no new offer: forwarding resumes where its numbers
     * left off, with a keyframe asked of the publisher. {@code heights}: how tall each is shown, in device
     * pixels (absent: as large as it comes), which picks the simulcast layer it gets (ADR 0009 §14).
     */
    void view(java.util.Set<String> participantIds, java.util.Map<String, Integer> heights) {
        java.util.List<Outgoing> resumed = new java.util.ArrayList<>();
        long now = System.nanoTime();
        boolean connected = transport.state() == PeerTransport.State.CONNECTED;
        synchronized (this) {
            cameras = java.util.Set.copyOf(participantIds);
            for (Outgoing o : outgoing) {
                IncomingStream s = o.stream();
                if (s.source() != TrackSource.CAMERA) continue;
                if (o instanceof SimulcastOutgoing layered) layered.wantedHeight(heights.getOrDefault(s.participantId(), 0));
                if (!wants(s)) {
                    s.removeSubscriber(this);
                } else if (!s.forwardsTo(this)) {
                    o.resume();
                    s.addSubscriber(o);
                    resumed.add(o);
                }
            }
            allocate(now, connected);
        }
        if (connected) for (Outgoing o : resumed) o.stream().owner().requestKeyframe(o.keyframeLayer());
    }

    /** Timer thread: the simulcast streams follow the layers their publishers send and the downlink's estimate. */
    void tick(long nowNanos) {
        if (nowNanos - lastRetargetNanos < RETARGET_INTERVAL_NANOS) return;
        lastRetargetNanos = nowNanos;
        allocate(nowNanos, transport.state() == PeerTransport.State.CONNECTED);
    }

    private synchronized void allocate(long nowNanos, boolean connected) { downlink.allocate(outgoing, this, nowNanos, connected); }

    private synchronized boolean wants(IncomingStream stream) {
        return stream.source() != TrackSource.CAMERA || cameras == null || cameras.contains(stream.participantId());
    }

    private void untrack(IncomingStream stream) {
        stream.removeSubscriber(this);
        synchronized (this) {
            outgoing = Arrays.stream(outgoing).filter(o -> o.stream() != stream).toArray(Outgoing[]::new);
        }
        negotiator.remove(stream);
    }

    /** Pushes a new offer when the streams changed and the browser is not still answering the last one. */
    private void offerChanges() {
        SubscribeNegotiator.Plan plan = negotiator.nextOffer(false);
        if (plan == null) return;
        SubscribeOffer offer = toOffer(plan);
        Room room = owner.room();
        room.router().emit(() -> room.router().events().subscriberOffer(room.id(), owner.id(), offer));
    }

    SubscribeOffer offer(boolean force) {
        SubscribeNegotiator.Plan plan = negotiator.nextOffer(force);
        return plan == null ? null : toOffer(plan);
    }

    private SubscribeOffer toOffer(SubscribeNegotiator.Plan plan) {
        var router = owner.room().router();
        var local = new LocalTransport(transport.localUfrag(), transport.localPassword(), router.socket().certificate().fingerprint(),
                router.settings().advertisedAddress(), router.socket().port());
        return new SubscribeOffer(SubscribeOfferWriter.offer(plan.sections(), local, sessionId, plan.version()), plan.version(), plan.tracks());
    }

    /**
     * New local credentials for our next offer. The remote ufrag is unknown until the answer: a client
     * answers an ICE restart with new credentials of its own (JSEP), and its first checks with them can
     * arrive before its answer reaches us over signalling. Expecting the old remote ufrag answered those
     * with 401 (libwebrtc retries, which delays the switch); MESSAGE-INTEGRITY with our new password
     * still authenticates them, and the answer pins the remote ufrag again.
     */
    void restartIce() {
        transport.restartIce(null, "");
    }

    /** The browser's answer: learn its credentials, ask publishers for keyframes, offer what changed meanwhile. */
    void answer(SessionDescription answer, long version) {
        if (!negotiator.answered(version)) return; // an answer to an offer we have since replaced
        if (!answer.media().isEmpty()) {
            MediaDescription remote = answer.firstAccepted();
            if (remote == null || remote.iceUfrag() == null || remote.fingerprint() == null) {
                throw new SdpException("the answer lacks ICE credentials or a DTLS fingerprint");
            }
            if (remoteFingerprint == null || !remote.iceUfrag().equals(remoteUfrag)) {
                transport.setRemote(remote.iceUfrag(), remote.icePassword(), remote.fingerprint());
                remoteUfrag = remote.iceUfrag();
                remoteFingerprint = remote.fingerprint();
            }
            if (numbering == null && takesTransportNumbers(answer)) {
                numbering = new TransportSequence(ServerCodecs.TRANSPORT_CC_ID, ServerCodecs.OPUS.payloadType(), System.nanoTime());
                downlink.measureQueue(numbering);
                transport.numberPackets(numbering);
            }
        }
        // A subscriber that is not connected yet would lose the keyframe, and asking now would hold the
        // request it makes on connecting behind the publisher's rate limit: it asks in onConnected instead.
        if (transport.state() == PeerTransport.State.CONNECTED) requestKeyframes();
        offerChanges();
    }

    /** Whether the answer kept the transport-wide sequence number under our id (one id for the whole BUNDLE). */
    private static boolean takesTransportNumbers(SessionDescription answer) {
        for (MediaDescription m : answer.media()) {
            Integer id = m.extensions().get(ServerCodecs.TRANSPORT_CC);
            if (id != null && id == ServerCodecs.TRANSPORT_CC_ID) return true;
        }
        return false;
    }

    private void requestKeyframes() {
        for (Outgoing o : outgoing) {
            IncomingStream s = o.stream();
            if (s.kind() != MediaKind.VIDEO || !s.forwardsTo(this)) continue;
            s.owner().requestKeyframe(o.keyframeLayer());
        }
    }

    /** A forwarded packet ({@code nowNanos}: when it arrived, which is now as far as a rate over a second goes). */
    void sendRtp(byte[] buf, int off, int len, long nowNanos) {
        downlink.sent(len, nowNanos);
        transport.sendRtp(buf, off, len);
    }

    /** Whether its downlink gets copies of frames' last packets ({@link FrameEndCopies}). */
    boolean copiesFrameEnds(long nowNanos) { return downlink.copiesFrameEnds(nowNanos); }

    /** A retransmission. */
    void sendRtp(byte[] buf, int off, int len) { sendRtp(buf, off, len, System.nanoTime()); }

    void sendRtcp(byte[] buf, int off, int len) { transport.sendRtcp(buf, off, len); }

    boolean disconnected() { return transport.state() == PeerTransport.State.DISCONNECTED; }

    private Outgoing find(int mediaSsrc) { return Outgoing.bySsrc(outgoing, mediaSsrc); }

    /** Reader thread. */
    @Override
    public void onRtcp(PeerTransport t, byte[] buf, int off, int len) {
        var it = rtcpIn.reset(buf, off, len);
        long nowNanos = System.nanoTime(), nowMillis = nowNanos / 1_000_000;
        while (it.next()) {
            int type = it.packetType(), fmt = it.countOrFormat(), p = it.offset(), n = it.length();
            if (type == RtcpHeader.RTPFB && fmt == RtcpHeader.FMT_NACK) {
                Outgoing o = find(RtcpFeedback.mediaSsrc(buf, p));
                if (o != null) o.retransmit(buf, p, n, nowMillis);
            } else if (type == RtcpHeader.PSFB && fmt == RtcpHeader.FMT_PLI) {
                Outgoing o = find(RtcpFeedback.mediaSsrc(buf, p));
                if (o != null) o.stream().owner().requestKeyframe(o.keyframeLayer());
            } else if (type == ExtendedReport.XR) {
                referenceTimes.from = ExtendedReport.senderSsrc(buf, p);
                ExtendedReport.read(buf, p, n, referenceTimes);
            } else if (type == RtcpHeader.RTPFB && fmt == RtcpHeader.FMT_TRANSPORT_CC) {
                if (!downlink.transportFeedback(buf, p, n, nowNanos)) owner.room().router().socket().stats().countMalformed();
            } else if (type == RtcpHeader.RR) {
                downlink.receiverReport(buf, p, n, outgoing, nowNanos);
            } else if (type == RtcpHeader.PSFB && fmt == RtcpHeader.FMT_AFB && Remb.isRemb(buf, p, n)) {
                downlink.remb(buf, p, nowNanos);
            } else if (type == RtcpHeader.PSFB && fmt == RtcpHeader.FMT_FIR) {
                for (int i = 0, count = Fir.entryCount(buf, p, n); i < count; i++) {
                    Outgoing o = find(Fir.entrySsrc(buf, p, i));
                    if (o != null) o.stream().owner().requestKeyframe(o.keyframeLayer());
                }
            }
        }
    }

    /**
     * Answers each RRTR with a DLRR at once (held for no time, so the browser's round trip is the path's).
     * Every receive stream of the browser reports from the same local SSRC, and any DLRR to it updates the
     * round trip its NACKs use. libwebrtc also files each measurement under the DLRR's sender SSRC (its
     * non-sender RTT statistics), so the answers take the forwarded video streams' SSRCs in turn rather than
     * one made-up SSRC no stream has.
     */
    private final class ReferenceTimes implements ExtendedReport.Visitor {
        int from;
        private int turn;

        @Override
        public void rrtr(long ntp) {
            int n = ExtendedReport.writeDlrr(echo, 0, nextVideoSsrc(), from, NtpTime.compact(ntp), 0);
            transport.sendRtcp(echo, 0, n);
        }

        private int nextVideoSsrc() {
            Outgoing[] all = outgoing;
            for (int i = 0; i < all.length; i++) {
                IncomingStream s = all[Math.floorMod(turn++, all.length)].stream(); // floorMod: turn wraps after 2^31 echoes
                if (s.kind() == MediaKind.VIDEO) return s.rawSsrc();
            }
            return senderSsrc;
        }
    }

    @Override
    public void onRtp(PeerTransport t, byte[] buf, int off, int len) {
        // A subscriber sends no media on this connection; anything it does send is dropped.
    }

    @Override
    public void onConnected(PeerTransport t) { requestKeyframes(); }

    void close() {
        for (Outgoing o : outgoing) o.stream().removeSubscriber(this);
        outgoing = NONE;
        transport.close();
    }
}
