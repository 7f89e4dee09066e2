package org.queqiao.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.queqiao.media.sfu.MediaEvents;
import org.queqiao.media.sfu.MediaRouter;
import org.queqiao.media.sfu.RouterSettings;
import org.queqiao.media.sfu.SubscribeOffer;
import org.queqiao.media.sfu.TrackSource;
import org.queqiao.media.transport.MediaSocket;
import org.queqiao.media.transport.MediaSocketSettings;
import org.queqiao.media.transport.MediaSocketStats;

/**
 * The SFU alone, for {@code bench/sfu-load.sh}: one {@link MediaSocket} and a {@link MediaRouter} (no
 * database, no meetings module), with signalling over plain HTTP on 127.0.0.1 for the load generator:
 *
 * <pre>
 *   POST /publish?room=R&amp;p=P        body: offer (mid 0 microphone, mid 1 camera) → answer
 *   POST /subscribe?room=R&amp;p=P      → "version\n" + offer
 *   POST /answer?room=R&amp;p=P&amp;version=V  body: answer
 *   GET  /stats                      → "name value" lines: MediaSocketStats, events, uptime, GC beans
 *   POST /quit
 * </pre>
 *
 * Args: {@code bindAddress mediaPort httpPort}. Prints {@code READY media=… http=… pid=…} when listening.
 */
public final class SfuHostBench {
    private static final Map<String, TrackSource> MIC_AND_CAMERA = Map.of("0", TrackSource.MICROPHONE, "1", TrackSource.CAMERA);

    private final LongAdder offersPushed = new LongAdder();
    private final LongAdder speakerChanges = new LongAdder();
    private final LongAdder connectionsLost = new LongAdder();
    private final LongAdder connectionsRestored = new LongAdder();

    public static void main(String[] args) throws Exception {
        String bind = args.length > 0 ? args[0] : "127.0.0.1";
        int mediaPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int httpPort = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        new SfuHostBench().run(bind, mediaPort, httpPort);
    }

    private void run(String bind, int mediaPort, int httpPort) throws Exception {
        MediaSocket socket = MediaSocket.open(MediaSocketSettings.defaults().withBindAddress(bind).withPort(mediaPort));
        MediaRouter router = new MediaRouter(socket, RouterSettings.defaults(bind), events());
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 64);
        http.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().name("signalling-", 0).daemon().factory()));
        CountDownLatch quit = new CountDownLatch(1);
        http.createContext("/publish", ex -> handle(ex, q -> router.publish(q.get("room"), q.get("p"), body(ex), MIC_AND_CAMERA)));
        http.createContext("/subscribe", ex -> handle(ex, q -> {
            SubscribeOffer offer = router.subscribe(q.get("room"), q.get("p"), false);
            return offer.version() + "\n" + offer.sdp();
        }));
        http.createContext("/answer", ex -> handle(ex, q -> {
            router.answer(q.get("room"), q.get("p"), body(ex), Long.parseLong(q.get("version")));
            return "";
        }));
        http.createContext("/view", ex -> handle(ex, q -> {
            router.view(q.get("room"), q.get("p"), java.util.Set.of(body(ex).split(",")));
            return "";
        }));
        http.createContext("/stats", ex -> handle(ex, q -> stats(socket.stats(), router.adaptation())));
        http.createContext("/quit", ex -> handle(ex, q -> {
            quit.countDown();
            return "bye";
        }));
        http.start();
        System.out.println("READY media=" + socket.port() + " http=" + http.getAddress().getPort() + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(quit::countDown));
        quit.await();
        http.stop(0);
        router.close();
        socket.close();
    }

    private MediaEvents events() {
        return new MediaEvents() {
            @Override
            public void activeSpeaker(String roomId, String participantId) { speakerChanges.increment(); }

            @Override
            public void connectionLost(String roomId, String participantId) { connectionsLost.increment(); }

            @Override
            public void connectionRestored(String roomId, String participantId) { connectionsRestored.increment(); }

            @Override
            public void subscriberOffer(String roomId, String participantId, SubscribeOffer offer) { offersPushed.increment(); }
        };
    }

    private String stats(MediaSocketStats s, org.queqiao.media.sfu.AdaptationStats adaptation) {
        var out = new StringBuilder();
        line(out, "packetsIn", s.packetsIn());
        line(out, "packetsOut", s.packetsOut());
        line(out, "droppedUnknownAddress", s.droppedUnknownAddress());
        line(out, "droppedMalformed", s.droppedMalformed());
        line(out, "droppedNotConnected", s.droppedNotConnected());
        line(out, "stunAuthFailures", s.stunAuthFailures());
        line(out, "srtpAuthFailures", s.srtpAuthFailures());
        line(out, "srtpReplayed", s.srtpReplayed());
        line(out, "dtlsHandshakeFailures", s.dtlsHandshakeFailures());
        line(out, "dtlsDropped", s.dtlsDropped());
        line(out, "handlerErrors", s.handlerErrors());
        line(out, "sendFailures", s.sendFailures());
        line(out, "offersPushed", offersPushed.sum());
        line(out, "speakerChanges", speakerChanges.sum());
        line(out, "connectionsLost", connectionsLost.sum());
        line(out, "connectionsRestored", connectionsRestored.sum());
        long judged = 0;
        for (int i = 0; i < org.queqiao.media.sfu.AdaptationStats.QUEUE_BOUNDS_MICROS.length; i++) judged += adaptation.queues(i);
        line(out, "queueIntervalsJudged", judged);
        line(out, "uptimeMillis", ManagementFactory.getRuntimeMXBean().getUptime());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = gc.getName().replace(' ', '_');
            line(out, "gc." + name + ".count", gc.getCollectionCount());
            line(out, "gc." + name + ".millis", gc.getCollectionTime());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, long value) { out.append(name).append(' ').append(value).append('\n'); }

    private interface Action {
        String run(Map<String, String> query) throws Exception;
    }

    private static void handle(HttpExchange ex, Action action) throws IOException {
        int status = 200;
        String reply;
        try {
            reply = action.run(query(ex));
        } catch (Exception e) {
            status = 500;
            reply = e.toString();
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }
}
