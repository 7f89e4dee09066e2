package org.queqiao.media.sfu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.queqiao.media.transport.MediaSocket;

/**
 * The SFU's signalling surface: rooms of participants who publish and subscribe. Everything here runs
 * on the caller's thread (a WebSocket request) except the packet path, which runs on the socket's reader
 * thread, and the periodic work (NACKs and reports to publishers), which runs on one timer thread while
 * there are rooms (a server with no meeting does not wake up fifty times a second for nothing).
 * Identifiers are opaque strings: the media plane knows nothing of meetings.
 */
public final class MediaRouter implements AutoCloseable {
    private final MediaSocket socket;
    private final RouterSettings settings;
    private final MediaEvents events;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final RetransmissionStats retransmissions = new RetransmissionStats();
    private final AdaptationStats adaptation = new AdaptationStats();
    private final ScheduledExecutorService timer;
    /** The periodic tick while there are rooms; guarded by {@code this}, and checked against the rooms under it. */
    private ScheduledFuture<?> ticking;
    /** One thread, so that events about one participant reach the meeting layer in the order they happened. */
    private final ExecutorService eventThread;

    public MediaRouter(MediaSocket socket, RouterSettings settings, MediaEvents events) {
        this.socket = socket;
        this.settings = settings;
        this.events = events;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("media-timer").daemon().factory());
        this.eventThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("media-events").daemon().factory());
    }

    /** Answers a participant's publish offer ({@code media.publish}). */
    public String publish(String roomId, String participantId, String offerSdp, Map<String, TrackSource> sourcesByMid) {
        return room(roomId).participant(participantId).publish(offerSdp, sourcesByMid);
    }

    /** An offer for the participant's subscribe connection ({@code media.subscribe}). */
    public SubscribeOffer subscribe(String roomId, String participantId, boolean iceRestart) {
        return room(roomId).participant(participantId).subscribe(iceRestart);
    }

    /** The browser's answer to subscribe offer {@code version} ({@code media.answer}). */
    public void answer(String roomId, String participantId, String answerSdp, long version) {
        room(roomId).participant(participantId).answer(answerSdp, version);
    }

    /**
     * The cameras a participant shows ({@code media.view}): only they are forwarded to it. Until it says, it gets
     * every camera. Microphones and screens are not affected. {@code heights}: how tall it shows each camera,
     * in device pixels, which picks the simulcast layer it is sent (a camera not in it: the largest sending).
     *
     * @throws IllegalStateException before the participant subscribed
     */
    public void view(String roomId, String participantId, java.util.Set<String> cameras, Map<String, Integer> heights) {
        room(roomId).participant(participantId).view(cameras, heights);
    }

    /** {@link #view(String, String, java.util.Set, Map)} without heights: every camera at its largest layer. */
    public void view(String roomId, String participantId, java.util.Set<String> cameras) {
        view(roomId, participantId, cameras, Map.of());
    }

    /** Host control: stop (or resume) forwarding a participant's microphone and camera. */
    public void forwarding(String roomId, String participantId, boolean audio, boolean video) {
        room(roomId).participant(participantId).forwarding(audio, video);
    }

    public void leave(String roomId, String participantId) {
        Room room = rooms.get(roomId);
        if (room != null) room.remove(participantId);
    }

    public void closeRoom(String roomId) {
        Room room = rooms.remove(roomId);
        if (room != null) room.close();
        stopTickingIfIdle();
    }

    public int roomCount() { return rooms.size(); }

    /** Subscribers' NACKed packets: resent or not, per media kind. */
    public RetransmissionStats retransmissions() { return retransmissions; }

    public AdaptationStats adaptation() { return adaptation; }

    /**
     * The round trip to a participant's publishing browser in ms, from its DLRR echoes of our reference times,
     * or -1 while unknown (not publishing, or no echo yet). It times our repeated NACKs to that browser.
     */
    public long publisherRoundTripMillis(String roomId, String participantId) {
        Room room = rooms.get(roomId);
        ParticipantMedia p = room == null ? null : room.existing(participantId);
        return p == null ? -1 : p.publisherRoundTripMillis();
    }

    MediaSocket socket() { return socket; }

    RouterSettings settings() { return settings; }

    void emit(Runnable event) { eventThread.execute(event); }

    MediaEvents events() { return events; }

    private Room room(String roomId) {
        Room room = rooms.computeIfAbsent(roomId, id -> new Room(id, this));
        startTicking();
        return room;
    }

    /** After a room was added: both this and {@link #stopTickingIfIdle} look at the rooms under the lock, so the last word is right. */
    private synchronized void startTicking() {
        if (ticking != null || timer.isShutdown()) return;
        long every = settings.nackInterval().toNanos();
        ticking = timer.scheduleAtFixedRate(this::tick, every, every, TimeUnit.NANOSECONDS);
    }

    private synchronized void stopTickingIfIdle() {
        if (ticking == null || !rooms.isEmpty()) return;
        ticking.cancel(false);
        ticking = null;
    }

    /** Whether the periodic work is scheduled (tests). */
    synchronized boolean ticking() { return ticking != null; }

    private void tick() {
        long now = System.nanoTime();
        for (Room room : rooms.values()) {
            try {
                room.tick(now);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(MediaRouter.class).warn("media tick failed in room {}", room.id(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) { // a room opened meanwhile must not schedule on a stopped timer
            timer.shutdownNow();
            ticking = null;
        }
        for (String id : rooms.keySet()) closeRoom(id);
        eventThread.shutdown();
    }
}
