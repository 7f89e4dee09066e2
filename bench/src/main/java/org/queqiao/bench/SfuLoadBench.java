package org.queqiao.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.queqiao.media.client.ClientSdp;
import org.queqiao.media.client.TransportFeedbackReporter;
import org.queqiao.media.client.WebRtcClientTransport;
import org.queqiao.media.dtls.DtlsCertificate;
import org.queqiao.media.rtp.RtcpCompoundIterator;
import org.queqiao.media.rtp.RtcpHeader;
import org.queqiao.media.rtp.RtpPacket;

/**
 * Synthetic meeting participants against {@link SfuHostBench}, for {@code bench/sfu-load.sh}.
 *
 * <p>{@code rooms × participants}; each participant publishes a microphone (Opus-like: 50 pkt/s, 100-byte
 * payloads, audio level extension) and a camera (VP8-like: 30 frames/s of 5 packets, 1,180-byte payloads ≈
 * 1.5 Mbit/s, payload descriptors with keyframes on start and on PLI) through real ICE + DTLS + SRTP
 * (AES-GCM), and subscribes to everyone else in its room on a second connection. One pacing thread sends on
 * an absolute schedule (no drift, no burst beyond what was due); one receiving thread reads every
 * connection through a selector. Consent checks go out every 4–6 s per connection, as browsers do.
 *
 * <p>Measuring. The RTP header is plaintext under SRTP, so every received packet is counted by
 * (subscriber, SSRC, extended sequence number) without decryption: loss, duplicates, reordering. Every
 * {@code decryptEvery}-th packet per subscriber is also decrypted: that checks the SFU's encryption and
 * reads the send time ({@code System.nanoTime()} of this process, written into the encrypted payload before
 * protecting) for the forwarding delay. Loss counts packets sent during the window that a subscriber never
 * got; the generator's own share is what the kernel dropped on its sockets ({@code /proc/net/udp} drops
 * of its ports) plus sends the kernel refused; the rest is SFU-caused (its socket's drops are shown apart).
 * CPU: {@code /proc/<sfu>/stat} utime+stime over the window, divided by the SFU's datagrams out.
 *
 * <p>Args: {@code sfuPid httpPort mediaPort rooms participants warmupSeconds measureSeconds [decryptEvery=1] [sfuGcLog]
 * [view=0] [feedback=1]}; feedback 1: every subscriber sends transport-wide feedback as a browser does ({@link TransportFeedbackReporter}).
 */
public final class SfuLoadBench {
    static final int AUDIO_PPS = 50, VIDEO_PPS = 150, FRAME_PACKETS = 5;
    static final int AUDIO_PAYLOAD = 100, VIDEO_PAYLOAD = 1180;
    static final int HEADER = 12 + 4 + 4; // fixed header, one-byte extension header, one word of elements
    static final int STAMP = 8; // offset in the payload of the send time (8 bytes) and the extended sequence number (4)
    static final int KIND_AUDIO = 1, KIND_VIDEO = 2, KIND_RTX = 3;
    static final int SSRC_TAG = 0x5100_0000;

    private final long sfuPid;
    private final int httpPort, mediaPort, rooms, perRoom, decryptEvery;
    /** Cameras each participant shows (media.view): the next ones in its room; 0 shows them all, saying nothing. */
    private final int viewCameras;
    private final boolean feedback;
    private final long warmupNanos, measureNanos;
    private final String gcLog;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Participant> participants = new ArrayList<>();
    private volatile long t0 = Long.MAX_VALUE, t1 = Long.MAX_VALUE;
    private volatile boolean stopReceiving;

    // receiving thread's counters
    private final Histogram delay = new Histogram();
    private long rxRtp, rxRtx, rxRtcp, rxStun, rxOther, authFailures, stampMismatches, unknownSsrc, outOfRange;
    private long plisReceived, nacksReceived, nackedPackets, rrReceived, rxNumbered;
    // pacing thread's counters
    private final Histogram lateness = new Histogram();
    private long sendRefused;

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: SfuLoadBench sfuPid httpPort mediaPort rooms participants warmupSeconds measureSeconds [decryptEvery] [sfuGcLog]");
            System.exit(2);
        }
        new SfuLoadBench(args).run();
    }

    private SfuLoadBench(String[] a) {
        sfuPid = Long.parseLong(a[0]);
        httpPort = Integer.parseInt(a[1]);
        mediaPort = Integer.parseInt(a[2]);
        rooms = Integer.parseInt(a[3]);
        perRoom = Integer.parseInt(a[4]);
        warmupNanos = (long) (Double.parseDouble(a[5]) * 1e9);
        measureNanos = (long) (Double.parseDouble(a[6]) * 1e9);
        decryptEvery = a.length > 7 ? Math.max(1, Integer.parseInt(a[7])) : 1;
        gcLog = a.length > 8 && !a[8].isEmpty() ? a[8] : null;
        viewCameras = a.length > 9 ? Math.min(Integer.parseInt(a[9]), perRoom - 1) : 0;
        feedback = a.length <= 10 || !a[10].equals("0");
        if (perRoom < 2) throw new IllegalArgumentException("at least two participants per room");
    }

    // ---------------------------------------------------------------- setup

    private void run() throws Exception {
        var server = new InetSocketAddress(InetAddress.getLoopbackAddress(), mediaPort);
        var certificate = DtlsCertificate.generate(); // one identity for all: the fingerprint is checked per connection anyway
        int capacity = (int) ((warmupNanos + measureNanos) / 1_000_000_000L + 5) * VIDEO_PPS * 2 + 1024;
        for (int r = 0; r < rooms; r++) {
            for (int i = 0; i < perRoom; i++) {
                participants.add(new Participant(participants.size(), r, i, new WebRtcClientTransport(server, certificate),
                        new WebRtcClientTransport(server, certificate), perRoom, capacity));
            }
        }
        long setupStart = System.nanoTime();
        Thread.ofPlatform().daemon().name("consent").start(this::consentLoop);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            all(pool, p -> {
                String answer = post("/publish?room=r" + p.room + "&p=p" + p.index, ClientSdp.publishOffer(p.pub, p.audio.ssrc, p.video.ssrc, p.rtxSsrc));
                ClientSdp.connect(p.pub, answer);
            });
            all(pool, p -> {
                String reply = post("/subscribe?room=r" + p.room + "&p=p" + p.index, "");
                int nl = reply.indexOf('\n');
                long version = Long.parseLong(reply.substring(0, nl));
                String offer = reply.substring(nl + 1);
                post("/answer?room=r" + p.room + "&p=p" + p.index + "&version=" + version, ClientSdp.subscribeAnswer(p.sub, offer));
                ClientSdp.connect(p.sub, offer);
                if (viewCameras > 0) post("/view?room=r" + p.room + "&p=p" + p.index, String.join(",", viewed(p)));
            });
        } finally {
            pool.shutdown();
        }
        System.out.printf("setup: %d connections (ICE + DTLS) in %.1f s%n", participants.size() * 2, (System.nanoTime() - setupStart) / 1e9);

        Set<Integer> ourPorts = new HashSet<>();
        Selector selector = Selector.open();
        for (Participant p : participants) {
            for (WebRtcClientTransport t : List.of(p.pub, p.sub)) {
                DatagramChannel c = t.channel();
                c.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ, new Conn(p, t == p.sub));
                ourPorts.add(t.localAddress().getPort());
            }
        }

        long start = System.nanoTime();
        long sendEnd = start + warmupNanos + measureNanos + 500_000_000L;
        for (Participant p : participants) p.schedule(start);
        Thread rx = Thread.ofPlatform().name("rx").start(() -> receiveLoop(selector));
        Thread pacer = Thread.ofPlatform().name("pacer").start(() -> paceLoop(sendEnd));
        t0 = start + warmupNanos;
        t1 = t0 + measureNanos;
        sleepUntil(t0);
        Snapshot a = snapshot(ourPorts);
        sleepUntil(t1);
        Snapshot b = snapshot(ourPorts);
        pacer.join();
        Thread.sleep(1000); // let the last packets arrive
        stopReceiving = true;
        selector.wakeup();
        rx.join();
        report(a, b);
        for (Participant p : participants) {
            p.pub.close();
            p.sub.close();
        }
    }

    private interface Step {
        void run(Participant p) throws Exception;
    }

    private void all(ExecutorService pool, Step step) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (Participant p : participants) done.add(pool.submit(() -> {
            step.run(p);
            return null;
        }));
        for (Future<?> f : done) f.get();
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IOException(path + ": " + res.statusCode() + " " + res.body());
        return res.body();
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left; (left = deadline - System.nanoTime()) > 0; ) Thread.sleep(Math.max(1, Math.min(1000, left / 1_000_000)));
    }

    // ---------------------------------------------------------------- sending

    /** One published stream: its packet template, its schedule and what was sent during the window. */
    static final class TxStream {
        final int ssrc, kind, payloadType, payloadLength;
        final long intervalNanos;
        final byte[] buf = new byte[1500];
        final ByteBuffer view = ByteBuffer.wrap(buf);
        final long[] unsent; // window sequence numbers the kernel refused to send
        int seq; // extended; the wire carries the low 16 bits
        long nextDue;
        int windowFirst = -1, windowLast = -1;
        volatile boolean keyframeWanted = true;
        int level;

        TxStream(int ssrc, int kind, int capacity) {
            this.ssrc = ssrc;
            this.kind = kind;
            this.payloadType = kind == KIND_AUDIO ? ClientSdp.OPUS_PT : ClientSdp.VP8_PT;
            this.payloadLength = kind == KIND_AUDIO ? AUDIO_PAYLOAD : VIDEO_PAYLOAD;
            this.intervalNanos = 1_000_000_000L / (kind == KIND_AUDIO ? AUDIO_PPS : VIDEO_PPS);
            this.unsent = new long[(capacity + 63) / 64];
            this.level = ThreadLocalRandom.current().nextInt(20, 90);
        }

        /** Writes the next packet (plain); returns its length. */
        int write(long nowNanos) {
            boolean video = kind == KIND_VIDEO;
            int frame = video ? seq / FRAME_PACKETS : seq;
            boolean first = !video || seq % FRAME_PACKETS == 0;
            boolean last = !video || seq % FRAME_PACKETS == FRAME_PACKETS - 1;
            buf[0] = (byte) 0x90; // V=2, X=1
            buf[1] = (byte) ((last && video ? 0x80 : 0) | payloadType);
            buf[2] = (byte) (seq >>> 8);
            buf[3] = (byte) seq;
            putInt(buf, 4, frame * (video ? 3000 : 960));
            putInt(buf, 8, ssrc);
            buf[12] = (byte) 0xBE; // one-byte header extensions (RFC 8285), one word
            buf[13] = (byte) 0xDE;
            buf[14] = 0;
            buf[15] = 1;
            if (video) {
                buf[16] = (byte) (ClientSdp.MID_ID << 4);
                buf[17] = '1';
                buf[18] = 0;
                buf[19] = 0;
            } else {
                if ((seq & 63) == 0) level = ThreadLocalRandom.current().nextInt(20, 90); // someone speaks up now and then
                buf[16] = (byte) (ClientSdp.AUDIO_LEVEL_ID << 4);
                buf[17] = (byte) (0x80 | level);
                buf[18] = (byte) (ClientSdp.MID_ID << 4);
                buf[19] = '0';
            }
            java.util.Arrays.fill(buf, HEADER, HEADER + payloadLength, (byte) 0x5a);
            if (video) {
                boolean key = first && keyframeWanted;
                if (key) keyframeWanted = false;
                buf[HEADER] = (byte) (first ? 0x10 : 0x00); // VP8 descriptor: S bit, partition 0
                buf[HEADER + 1] = (byte) (key ? 0x00 : 0x01); // payload header: P=0 on keyframes
                if (key) {
                    buf[HEADER + 4] = (byte) 0x9d;
                    buf[HEADER + 5] = 0x01;
                    buf[HEADER + 6] = 0x2a;
                }
            }
            putLong(buf, HEADER + STAMP, nowNanos);
            putInt(buf, HEADER + STAMP + 8, seq);
            return HEADER + payloadLength;
        }
    }

    private void paceLoop(long sendEnd) {
        List<TxStream> streams = new ArrayList<>();
        for (Participant p : participants) {
            streams.add(p.audio);
            streams.add(p.video);
        }
        TxStream[] all = streams.toArray(TxStream[]::new);
        Participant[] people = participants.toArray(Participant[]::new);
        while (true) {
            long now = System.nanoTime();
            if (now >= sendEnd) break;
            long next = now + 5_000_000L;
            for (int i = 0; i < all.length; i++) {
                TxStream s = all[i];
                Participant owner = people[i >> 1];
                while (s.nextDue <= now) {
                    send(owner, s, now);
                    s.nextDue += s.intervalNanos;
                    now = System.nanoTime();
                }
                if (s.nextDue < next) next = s.nextDue;
            }
            long sleep = next - System.nanoTime();
            if (sleep > 0) LockSupport.parkNanos(sleep);
        }
    }

    private void send(Participant p, TxStream s, long due) {
        long now = System.nanoTime();
        boolean inWindow = now >= t0 && now < t1;
        if (inWindow) lateness.add((now - s.nextDue) / 1000);
        int len = s.write(now);
        int n = p.pub.sender().protectRtp(s.buf, 0, len);
        boolean sent = false;
        if (n > 0) {
            s.view.clear().limit(n);
            try {
                sent = p.pub.channel().write(s.view) > 0;
            } catch (IOException e) {
                sent = false;
            }
        }
        if (inWindow) {
            if (s.windowFirst < 0) s.windowFirst = s.seq;
            s.windowLast = s.seq;
            if (!sent && s.seq < s.unsent.length * 64) s.unsent[s.seq >>> 6] |= 1L << (s.seq & 63);
        }
        if (!sent) sendRefused++;
        s.seq++;
    }

    /**
     * Consent freshness (RFC 7675) for every connected transport, every 4–6 s as browsers do, from setup on:
     * the SFU marks a transport disconnected after 8 s without a check.
     */
    private void consentLoop() {
        byte[] stun = new byte[512];
        while (!stopReceiving) {
            long now = System.nanoTime();
            for (Participant p : participants) {
                if (p.nextConsent > now) continue;
                p.nextConsent = now + ThreadLocalRandom.current().nextLong(4_000_000_000L, 6_000_000_000L);
                for (WebRtcClientTransport t : List.of(p.pub, p.sub)) {
                    try {
                        if (t.hasConsentCredentials()) t.sendConsentCheck(stun);
                    } catch (IOException | RuntimeException e) {
                        // the next round tries again
                    }
                }
            }
            LockSupport.parkNanos(200_000_000L);
        }
    }

    // ---------------------------------------------------------------- receiving

    /** What one subscriber got of one stream. */
    static final class RxStream {
        final long[] seen;
        int highest = -1;
        long received, duplicates, reordered;

        RxStream(int capacity) { seen = new long[(capacity + 63) / 64]; }
    }

    record Conn(Participant p, boolean subscriber) {}

    private void receiveLoop(Selector selector) {
        // Read into a direct buffer (no copy through the JDK's temporary one) and look at the plaintext header
        // there; only what is decrypted is copied out.
        ByteBuffer view = ByteBuffer.allocateDirect(2048);
        byte[] buf = new byte[2048];
        var rtcp = new RtcpCompoundIterator();
        try {
            while (!stopReceiving) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn conn = (Conn) key.attachment();
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    while (true) {
                        view.clear();
                        int n;
                        try {
                            n = channel.read(view);
                        } catch (IOException e) {
                            break;
                        }
                        if (n <= 0) break;
                        onDatagram(conn, view, n, buf, System.nanoTime(), rtcp);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onDatagram(Conn conn, ByteBuffer in, int len, byte[] buf, long now, RtcpCompoundIterator rtcp) {
        int first = in.get(0) & 0xff;
        if (first < 4) {
            rxStun++;
            return;
        }
        if (first < 128 || first > 191 || len < 12) {
            rxOther++;
            return;
        }
        int second = in.get(1) & 0xff;
        Participant p = conn.p();
        if (second >= 192 && second <= 223) {
            rxRtcp++;
            in.get(0, buf, 0, len);
            WebRtcClientTransport t = conn.subscriber() ? p.sub : p.pub;
            int n = t.receiver().unprotectRtcp(buf, 0, len);
            if (n < 0) {
                authFailures++;
                return;
            }
            if (!conn.subscriber()) onPublisherFeedback(p, buf, n, rtcp);
            return;
        }
        if (feedback && conn.subscriber()) {
            int head = Math.min(len, 64); // the header is enough, and SRTP leaves it in the clear
            in.get(0, buf, 0, head);
            if (p.feedback.onPacket(buf, 0, head, now / 1_000)) rxNumbered++;
            p.feedback.sendIfDue(p.sub, now);
        }
        int ssrc = in.getInt(8);
        int kind = ssrc & 0xF;
        int publisher = (ssrc >>> 4) & 0xFFFFF;
        if ((ssrc & 0xFF00_0000) != SSRC_TAG || publisher >= participants.size() || !conn.subscriber()) {
            unknownSsrc++;
            return;
        }
        if (kind == KIND_RTX) {
            rxRtx++;
            return;
        }
        rxRtp++;
        Participant from = participants.get(publisher);
        RxStream s = p.rx[from.slot * 2 + (kind == KIND_AUDIO ? 0 : 1)];
        if (s == null) {
            unknownSsrc++;
            return;
        }
        int seq16 = in.getShort(2) & 0xFFFF;
        int ext = s.highest < 0 ? seq16 : s.highest + (short) (seq16 - (s.highest & 0xFFFF));
        if (ext < 0 || ext >= s.seen.length * 64) {
            outOfRange++;
            return;
        }
        long bit = 1L << (ext & 63);
        if ((s.seen[ext >>> 6] & bit) != 0) {
            s.duplicates++;
        } else {
            s.seen[ext >>> 6] |= bit;
            s.received++;
            if (ext < s.highest) s.reordered++;
        }
        if (ext > s.highest) s.highest = ext;
        if (++p.decryptCounter % decryptEvery != 0) return;
        in.get(0, buf, 0, len);
        int n = p.sub.receiver().unprotectRtp(buf, 0, len);
        if (n < 0) {
            authFailures++;
            return;
        }
        int payload = RtpPacket.payloadOffset(buf, 0);
        long sentAt = getLong(buf, payload + STAMP);
        if (getInt(buf, payload + STAMP + 8) != ext) stampMismatches++;
        if (sentAt >= t0 && sentAt < t1) delay.add((now - sentAt) / 1000);
    }

    private void onPublisherFeedback(Participant p, byte[] buf, int len, RtcpCompoundIterator it) {
        it.reset(buf, 0, len);
        while (it.next()) {
            int type = it.packetType(), fmt = it.countOrFormat();
            if (type == RtcpHeader.PSFB && (fmt == RtcpHeader.FMT_PLI || fmt == RtcpHeader.FMT_FIR)) {
                plisReceived++;
                p.video.keyframeWanted = true;
            } else if (type == RtcpHeader.RTPFB && fmt == RtcpHeader.FMT_NACK) {
                nacksReceived++;
                nackedPackets += (it.length() - 12) / 4; // FCI entries (each up to 17 packets; counted as entries)
            } else if (type == RtcpHeader.RR) {
                rrReceived++;
            }
        }
    }

    // ---------------------------------------------------------------- participants

    /** The cameras {@code p} shows: the next {@link #viewCameras} participants of its room. */
    private List<String> viewed(Participant p) {
        List<String> ids = new ArrayList<>();
        for (Participant q : participants) if (q.room == p.room && q != p && shows(p, q)) ids.add("p" + q.index);
        return ids;
    }

    private boolean shows(Participant sub, Participant pub) {
        if (viewCameras <= 0) return true;
        int ahead = Math.floorMod(pub.slot - sub.slot, perRoom);
        return ahead >= 1 && ahead <= viewCameras;
    }

    final class Participant {
        final int index, room, slot;
        final WebRtcClientTransport pub, sub;
        final TxStream audio, video;
        final int rtxSsrc;
        final RxStream[] rx;
        long decryptCounter;
        volatile long nextConsent;
        final TransportFeedbackReporter feedback = new TransportFeedbackReporter();

        Participant(int index, int room, int slot, WebRtcClientTransport pub, WebRtcClientTransport sub, int perRoom, int capacity) {
            this.index = index;
            this.room = room;
            this.slot = slot;
            this.pub = pub;
            this.sub = sub;
            this.audio = new TxStream(SSRC_TAG | index << 4 | KIND_AUDIO, KIND_AUDIO, capacity);
            this.video = new TxStream(SSRC_TAG | index << 4 | KIND_VIDEO, KIND_VIDEO, capacity);
            this.rtxSsrc = SSRC_TAG | index << 4 | KIND_RTX;
            this.rx = new RxStream[perRoom * 2];
            for (int i = 0; i < perRoom; i++) {
                if (i == slot) continue;
                rx[i * 2] = new RxStream(capacity);
                rx[i * 2 + 1] = new RxStream(capacity);
            }
        }

        /** Random phases, so that streams do not all fire at once. */
        void schedule(long start) {
            var random = ThreadLocalRandom.current();
            audio.nextDue = start + random.nextLong(audio.intervalNanos);
            video.nextDue = start + random.nextLong(video.intervalNanos);
        }
    }

    // ---------------------------------------------------------------- measuring

    record Snapshot(long nanos, long sfuTicks, long sfuSystemTicks, long[] reader, long sfuWaitNanos, long selfTicks, Map<String, Long> sfu, long sfuSocketDrops, long ourDrops,
                    Map<String, Long> udp) {}

    private Snapshot snapshot(Set<Integer> ourPorts) throws Exception {
        long nanos = System.nanoTime();
        long sfuTicks = cpuTicks(sfuPid);
        long sfuSystemTicks = systemTicks(sfuPid);
        long[] reader = new long[2];
        long sfuWait = 0;
        try (var tasks = Files.list(Path.of("/proc/" + sfuPid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String[] sched = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    sfuWait += Long.parseLong(sched[1]);
                    if (Files.readString(task.resolve("comm")).startsWith("media-reader")) {
                        reader[0] = Long.parseLong(sched[0]);
                        reader[1] = Long.parseLong(sched[1]);
                    }
                } catch (IOException e) {
                    // a thread that ended meanwhile
                }
            }
        }
        long selfTicks = cpuTicks(ProcessHandle.current().pid());
        Map<String, Long> sfu = new HashMap<>();
        var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/stats")).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : res.body().split("\n")) {
            String[] kv = line.split(" ");
            if (kv.length == 2) sfu.put(kv[0], Long.parseLong(kv[1]));
        }
        long sfuDrops = 0, ourDrops = 0;
        for (String path : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path f = Path.of(path);
            if (!Files.exists(f)) continue;
            for (String line : Files.readAllLines(f)) {
                String[] c = line.trim().split("\\s+");
                if (c.length < 13 || !c[1].contains(":")) continue;
                int port;
                try {
                    port = Integer.parseInt(c[1].substring(c[1].indexOf(':') + 1), 16);
                } catch (NumberFormatException e) {
                    continue;
                }
                long drops = Long.parseLong(c[c.length - 1]);
                if (port == mediaPort) sfuDrops += drops;
                else if (ourPorts.contains(port)) ourDrops += drops;
            }
        }
        Map<String, Long> udp = new HashMap<>();
        List<String> snmp = Files.readAllLines(Path.of("/proc/net/snmp"));
        for (int i = 0; i + 1 < snmp.size(); i++) {
            if (snmp.get(i).startsWith("Udp:") && snmp.get(i + 1).startsWith("Udp:")) {
                String[] k = snmp.get(i).split("\\s+"), v = snmp.get(i + 1).split("\\s+");
                for (int j = 1; j < k.length && j < v.length; j++) udp.put(k[j], Long.parseLong(v[j]));
                break;
            }
        }
        return new Snapshot(nanos, sfuTicks, sfuSystemTicks, reader, sfuWait, selfTicks, sfu, sfuDrops, ourDrops, udp);
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    private static long systemTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
    }

    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
        } catch (Exception e) {
            return 100;
        }
    }

    private void report(Snapshot a, Snapshot b) throws IOException {
        double seconds = (b.nanos - a.nanos) / 1e9;
        double tick = 1.0 / clockTicksPerSecond();
        double sfuCpu = (b.sfuTicks - a.sfuTicks) * tick;
        double selfCpu = (b.selfTicks - a.selfTicks) * tick;
        long out = d(a, b, "packetsOut"), in = d(a, b, "packetsIn");

        long expected = 0, got = 0, dups = 0, reordered = 0, unsent = 0, pairsWithLoss = 0, pairs = 0, unshownGot = 0;
        for (Participant sub : participants) {
            for (Participant pub : participants) {
                if (pub.room != sub.room || pub == sub) continue;
                for (int k = 0; k < 2; k++) {
                    TxStream tx = k == 0 ? pub.audio : pub.video;
                    RxStream rx = sub.rx[pub.slot * 2 + k];
                    if (tx.windowFirst < 0) continue;
                    boolean shown = k == 0 || shows(sub, pub);
                    int e = 0, g = 0;
                    for (int seq = tx.windowFirst; seq <= tx.windowLast; seq++) {
                        if ((tx.unsent[seq >>> 6] & (1L << (seq & 63))) != 0) {
                            unsent++;
                            continue;
                        }
                        e++;
                        if ((rx.seen[seq >>> 6] & (1L << (seq & 63))) != 0) g++;
                    }
                    if (!shown) { // a camera this subscriber does not show: nothing of it should have come
                        unshownGot += g;
                        continue;
                    }
                    expected += e;
                    got += g;
                    dups += rx.duplicates;
                    reordered += rx.reordered;
                    pairs++;
                    if (g < e) pairsWithLoss++;
                }
            }
        }
        long lost = expected - got;
        if (viewCameras > 0) {
            System.out.printf("media.view: each participant shows %d of %d cameras; packets of cameras not shown that arrived anyway: %d%n",
                    viewCameras, perRoom - 1, unshownGot);
        }
        long ourDrops = b.ourDrops - a.ourDrops;
        long sfuSocketDrops = b.sfuSocketDrops - a.sfuSocketDrops;
        long genCaused = Math.min(lost, ourDrops);
        long sfuCaused = lost - genCaused;
        int streams = participants.size() * 2;
        double offeredIn = participants.size() * (double) (AUDIO_PPS + VIDEO_PPS);
        double offeredOut = participants.size() * (double) (perRoom - 1) * (AUDIO_PPS + VIDEO_PPS);

        System.out.printf("SFU forwarding: %d rooms x %d participants (each: audio %d pkt/s of %d B + video %d pkt/s of %d B, AES-GCM),"
                        + " %d streams, fan-out %d%n", rooms, perRoom, AUDIO_PPS, AUDIO_PAYLOAD, VIDEO_PPS, VIDEO_PAYLOAD, streams, perRoom - 1);
        System.out.printf("window: %.1f s after %.1f s warm-up; offered: %.0f pkt/s in, %.0f pkt/s to forward%n", seconds, warmupNanos / 1e9,
                offeredIn, offeredOut);
        System.out.printf("forwarded: %.0f pkt/s received by subscribers (window's packets); SFU datagrams in %.0f/s, out %.0f/s%n",
                got / seconds, in / seconds, out / seconds);
        double sfuSystem = (b.sfuSystemTicks - a.sfuSystemTicks) * tick;
        System.out.printf("SFU CPU: %.1f %% of a core (%.2f s in %.1f s: user %.2f s, system %.2f s), %.2f µs per datagram out"
                        + " (user %.2f, system %.2f)%n", 100 * sfuCpu / seconds, sfuCpu, seconds, sfuCpu - sfuSystem, sfuSystem,
                out == 0 ? Double.NaN : sfuCpu * 1e6 / out, out == 0 ? Double.NaN : (sfuCpu - sfuSystem) * 1e6 / out,
                out == 0 ? Double.NaN : sfuSystem * 1e6 / out);
        System.out.printf("SFU scheduling: reader thread on a CPU %.1f %% of the window, runnable but waiting for one %.1f %%;"
                        + " all SFU threads waited %.2f s in all (/proc/<pid>/task/*/schedstat run delay: the core was busy with other processes or the SFU's own threads)%n",
                100 * (b.reader[0] - a.reader[0]) / 1e9 / seconds, 100 * (b.reader[1] - a.reader[1]) / 1e9 / seconds,
                (b.sfuWaitNanos - a.sfuWaitNanos) / 1e9);
        System.out.printf("loss: %d of %d (%.4f %%): SFU-caused %d (%.4f %%), generator-caused %d (its sockets dropped %d); SFU socket"
                        + " drops %d, SFU send failures %d; %d of %d (subscriber, stream) pairs lost something%n", lost, expected,
                pct(lost, expected), sfuCaused, pct(sfuCaused, expected), genCaused, ourDrops, sfuSocketDrops, d(a, b, "sendFailures"),
                pairsWithLoss, pairs);
        System.out.printf("delay send→receive (1 in %d decrypted; includes our SRTP protect and both loopback hops): %s%n", decryptEvery,
                delay.summary());
        System.out.printf("integrity: %d duplicates, %d reordered, %d SRTP auth failures, %d stamp mismatches, %d unknown SSRC, %d RTX"
                        + " received, %d sends refused by our kernel (%d in the window)%n", dups, reordered, authFailures, stampMismatches,
                unknownSsrc, rxRtx, sendRefused, unsent);
        System.out.printf("feedback to publishers (whole run): %d PLI/FIR, %d NACKs (%d entries), %d RR; SFU pushed %d offers, %d speaker changes,"
                        + " %d connections lost%n", plisReceived, nacksReceived, nackedPackets, rrReceived, b.sfu.getOrDefault("offersPushed", 0L),
                b.sfu.getOrDefault("speakerChanges", 0L), b.sfu.getOrDefault("connectionsLost", 0L));
        long feedbackSent = 0, feedbackFailed = 0;
        for (Participant p : participants) {
            feedbackSent += p.feedback.sent();
            feedbackFailed += p.feedback.failed();
        }
        System.out.printf("transport-wide feedback from subscribers (whole run): %s; %d numbered packets received, %d messages sent,"
                        + " %d not sent; the SFU judged %d queue intervals from it%n", feedback ? "on" : "off", rxNumbered, feedbackSent,
                feedbackFailed, b.sfu.getOrDefault("queueIntervalsJudged", 0L));
        System.out.printf("pacing: lateness %s; generator CPU %.1f %% of a core%n", lateness.summary(), 100 * selfCpu / seconds);
        System.out.printf("kernel UDP in the window (whole machine): RcvbufErrors %d, InErrors %d, SndbufErrors %d%n",
                u(a, b, "RcvbufErrors"), u(a, b, "InErrors"), u(a, b, "SndbufErrors"));
        StringBuilder gcBeans = new StringBuilder();
        for (String k : b.sfu.keySet()) {
            if (k.startsWith("gc.") && k.endsWith(".count")) {
                String name = k.substring(3, k.length() - 6);
                gcBeans.append(String.format(" %s %d (%d ms)", name, d(a, b, k), d(a, b, "gc." + name + ".millis")));
            }
        }
        String pauses = gcLog == null ? "" : gcPauses(Path.of(gcLog), a.sfu.get("uptimeMillis"), b.sfu.get("uptimeMillis"));
        System.out.printf("SFU GC in the window:%s%s%n", gcBeans, pauses);
        System.out.printf("RESULT rooms=%d participants=%d fwd_pps=%.0f out_pps=%.0f cpu_pct=%.1f us_per_pkt=%.2f loss_pct=%.4f sfu_loss_pct=%.4f"
                        + " gen_loss_pct=%.4f p50_us=%d p99_us=%d max_us=%d reader_wait_pct=%.1f%n", rooms, perRoom, got / seconds, out / seconds, 100 * sfuCpu / seconds,
                out == 0 ? Double.NaN : sfuCpu * 1e6 / out, pct(lost, expected), pct(sfuCaused, expected), pct(genCaused, expected),
                delay.percentile(50), delay.percentile(99), delay.max, 100 * (b.reader[1] - a.reader[1]) / 1e9 / seconds);
    }

    private static double pct(long part, long whole) { return whole == 0 ? 0 : 100.0 * part / whole; }

    private static long d(Snapshot a, Snapshot b, String key) { return b.sfu.getOrDefault(key, 0L) - a.sfu.getOrDefault(key, 0L); }

    private static long u(Snapshot a, Snapshot b, String key) { return b.udp.getOrDefault(key, 0L) - a.udp.getOrDefault(key, 0L); }

    /** Pauses from {@code -Xlog:gc,gc+phases:file=…:uptime} lines inside the window (by the SFU's uptime). */
    private static String gcPauses(Path log, long fromMillis, long toMillis) throws IOException {
        if (!Files.exists(log)) return "";
        Pattern line = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*Pause.* ([\\d.]+)ms$");
        int count = 0;
        double total = 0, max = 0;
        for (String l : Files.readAllLines(log)) {
            Matcher m = line.matcher(l);
            if (!m.matches()) continue;
            double at = Double.parseDouble(m.group(1)) * 1000;
            if (at < fromMillis || at > toMillis) continue;
            double ms = Double.parseDouble(m.group(2));
            count++;
            total += ms;
            max = Math.max(max, ms);
        }
        return String.format("; log: %d pauses, %.2f ms in all, longest %.3f ms", count, total, max);
    }

    /** Microsecond buckets up to one second, then one overflow bucket; the exact maximum is kept. */
    static final class Histogram {
        private final long[] buckets = new long[1_000_001];
        long count, max;

        void add(long micros) {
            if (micros < 0) micros = 0;
            buckets[(int) Math.min(micros, buckets.length - 1)]++;
            count++;
            if (micros > max) max = micros;
        }

        long percentile(double p) {
            if (count == 0) return -1;
            long rank = (long) Math.ceil(p / 100 * count);
            long seen = 0;
            for (int i = 0; i < buckets.length; i++) {
                seen += buckets[i];
                if (seen >= rank) return i;
            }
            return max;
        }

        String summary() {
            return String.format("n=%d p50=%d µs p90=%d µs p99=%d µs p99.9=%d µs max=%d µs", count, percentile(50), percentile(90),
                    percentile(99), percentile(99.9), max);
        }
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static void putLong(byte[] b, int off, long v) {
        putInt(b, off, (int) (v >>> 32));
        putInt(b, off + 4, (int) v);
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    static long getLong(byte[] b, int off) { return (long) getInt(b, off) << 32 | (getInt(b, off + 4) & 0xFFFFFFFFL); }
}
