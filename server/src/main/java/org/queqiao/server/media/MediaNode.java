package org.queqiao.server.media;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.ToDoubleFunction;
import org.queqiao.media.sfu.AdaptationStats;
import org.queqiao.media.sfu.HostAddress;
import org.queqiao.media.sdp.MediaKind;
import org.queqiao.media.sfu.MediaRouter;
import org.queqiao.media.sfu.RetransmissionStats;
import org.queqiao.media.sfu.RouterSettings;
import org.queqiao.media.transport.MediaSocket;
import org.queqiao.media.transport.MediaSocketSettings;
import org.queqiao.media.transport.MediaSocketStats;
import org.queqiao.platform.config.Config;
import org.queqiao.platform.realtime.Pushes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This node's media plane: the UDP socket, the router on it, and their counters at /metrics. */
public final class MediaNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaNode.class);

    private final MediaSocket socket;
    private final MediaRouter router;
    private final MeetingMedia meetings;

    private MediaNode(MediaSocket socket, MediaRouter router, MeetingMedia meetings) {
        this.socket = socket;
        this.router = router;
        this.meetings = meetings;
    }

    public static MediaNode start(Config c, Pushes pushes, MeterRegistry meters) {
        MediaSocket socket;
        try {
            socket = MediaSocket.open(MediaSocketSettings.defaults().withBindAddress(c.string("media.bind-address"))
                    .withPort(c.integer("media.port")).withConsentTimeout(c.duration("media.consent-timeout")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the media port " + c.integer("media.port") + " (media.port): " + e.getMessage(), e);
        }
        String advertised = HostAddress.advertised(c.string("media.advertised-address"));
        var defaults = RouterSettings.defaults(advertised);
        var settings = new RouterSettings(advertised, c.integer("media.max-bitrate"), defaults.nackInterval(), defaults.reportInterval(),
                defaults.keyframeInterval(), c.bool("media.frame-end-copies"));
        var holder = new MeetingMedia[1];
        var router = new MediaRouter(socket, settings, new DeferredEvents(() -> holder[0]));
        holder[0] = new MeetingMedia(router, pushes);
        register(meters, socket.stats(), router);
        log.info("media on udp port {} advertised as {}", socket.port(), advertised);
        return new MediaNode(socket, router, holder[0]);
    }

    public MeetingMedia meetings() { return meetings; }

    public int port() { return socket.port(); }

    private static void register(MeterRegistry meters, MediaSocketStats s, MediaRouter router) {
        counter(meters, "queqiao.media.packets", "direction", "in", s, MediaSocketStats::packetsIn);
        counter(meters, "queqiao.media.packets", "direction", "out", s, MediaSocketStats::packetsOut);
        counter(meters, "queqiao.media.dropped", "reason", "unknown_address", s, MediaSocketStats::droppedUnknownAddress);
        counter(meters, "queqiao.media.dropped", "reason", "malformed", s, MediaSocketStats::droppedMalformed);
        counter(meters, "queqiao.media.dropped", "reason", "not_connected", s, MediaSocketStats::droppedNotConnected);
        counter(meters, "queqiao.media.dropped", "reason", "stun_auth", s, MediaSocketStats::stunAuthFailures);
        counter(meters, "queqiao.media.dropped", "reason", "srtp_auth", s, MediaSocketStats::srtpAuthFailures);
        counter(meters, "queqiao.media.dropped", "reason", "srtp_replay", s, MediaSocketStats::srtpReplayed);
        counter(meters, "queqiao.media.dropped", "reason", "dtls", s, MediaSocketStats::dtlsDropped);
        counter(meters, "queqiao.media.dtls.failures", "phase", "handshake", s, MediaSocketStats::dtlsHandshakeFailures);
        counter(meters, "queqiao.media.send.failures", "where", "socket", s, MediaSocketStats::sendFailures);
        counter(meters, "queqiao.media.send.failures", "where", "srtp", s, MediaSocketStats::sendRefused);
        for (MediaKind kind : java.util.List.of(MediaKind.AUDIO, MediaKind.VIDEO)) {
            for (RetransmissionStats.Outcome o : RetransmissionStats.Outcome.values()) {
                FunctionCounter.builder("queqiao.media.retransmissions", router.retransmissions(), r -> r.count(kind, o))
                        .description("Packets subscribers NACKed, by what the SFU did with them; copied: frame ends sent twice unasked to lossy downlinks")
                        .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT))
                        .register(meters);
            }
        }
        AdaptationStats a = router.adaptation();
        for (AdaptationStats.Signal signal : AdaptationStats.Signal.values()) {
            FunctionCounter.builder("queqiao.media.downlink.falls", a, x -> x.falls(signal))
                    .description("Falls of a subscriber's downlink estimate, by the signal that made it fall")
                    .tag("signal", signal.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
        }
        for (int i = 0; i < AdaptationStats.QUEUE_BOUNDS_MICROS.length; i++) {
            int bucket = i;
            long bound = AdaptationStats.QUEUE_BOUNDS_MICROS[i];
            String name = bound == Long.MAX_VALUE ? "over_" + AdaptationStats.QUEUE_BOUNDS_MICROS[i - 1] / 1000 + "ms" : "upto_" + bound / 1000 + "ms";
            FunctionCounter.builder("queqiao.media.downlink.queue.intervals", a, x -> x.queues(bucket))
                    .description("200 ms intervals of subscribers' transport-wide feedback by the queue that stood on their downlink (the least delayed packet's delay above the base)")
                    .tag("standing", name).register(meters);
        }
        for (boolean up : new boolean[] {true, false}) {
            FunctionCounter.builder("queqiao.media.layer.moves", a, x -> x.moves(up))
                    .description("Subscribers moved to another simulcast layer (new view, a layer that stopped, the downlink)")
                    .tag("direction", up ? "up" : "down").register(meters);
        }
        Gauge.builder("queqiao.media.rooms", router, MediaRouter::roomCount).description("Meetings with media on this node").register(meters);
    }

    private static void counter(MeterRegistry meters, String name, String tag, String value, MediaSocketStats s,
                                ToDoubleFunction<MediaSocketStats> f) {
        FunctionCounter.builder(name, s, f).tag(tag, value).register(meters);
    }

    @Override
    public void close() {
        router.close();
        socket.close();
    }
}
