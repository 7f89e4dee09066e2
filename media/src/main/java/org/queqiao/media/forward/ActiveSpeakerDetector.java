package org.queqiao.media.forward;

/**
 * Picks the dominant speaker of a meeting from the audio levels of its audio streams, each keyed by an id
 * the router chooses (a participant or stream id).
 *
 * <p>Hysteresis, so that the highlighted speaker does not flicker:
 * <ul>
 *   <li>only a stream whose smoothed loudness ({@link AudioLevelMeter}) reaches {@code speechLoudness}
 *       can take over; when everybody is quiet the dominant speaker stays;</li>
 *   <li>a challenger must be the loudest, and louder than the dominant speaker by
 *       {@code marginDb}, continuously for {@code holdMillis} before it takes over: the meter's window
 *       already damps a cough, the hold outlasts a loud one;</li>
 *   <li>a change is reported once, by {@link #update} returning true.</li>
 * </ul>
 *
 * <p>{@link #onAudioLevel} is cheap and runs per audio packet; {@link #update} scans every stream's meter
 * and is meant to run on a timer (every 100–200 ms). Streams are registered in advance into preallocated
 * meters. One per meeting; one thread at a time.
 */
public final class ActiveSpeakerDetector {
    public static final double DEFAULT_SPEECH_LOUDNESS = 127 - 60; // louder than -60 dBov
    public static final double DEFAULT_MARGIN_DB = 3;
    public static final long DEFAULT_HOLD_MILLIS = 400;

    private final AudioLevelMeter[] meters;
    private final long[] ids;
    private final boolean[] registered;
    private final LongIntHashMap indexById;
    private final double speechLoudness;
    private final double marginDb;
    private final long holdMillis;

    private int dominant = -1;
    private long dominantId;
    private int challenger = -1;
    private long challengerSinceMillis;
    private boolean lostDominant;

    public ActiveSpeakerDetector(int maxStreams) {
        this(maxStreams, AudioLevelMeter.DEFAULT_WINDOW_MILLIS, DEFAULT_SPEECH_LOUDNESS, DEFAULT_MARGIN_DB,
                DEFAULT_HOLD_MILLIS);
    }

    public ActiveSpeakerDetector(int maxStreams, long windowMillis, double speechLoudness, double marginDb,
                                 long holdMillis) {
        this.meters = new AudioLevelMeter[maxStreams];
        for (int i = 0; i < maxStreams; i++) {
            meters[i] = new AudioLevelMeter(windowMillis);
        }
        this.ids = new long[maxStreams];
        this.registered = new boolean[maxStreams];
        this.indexById = new LongIntHashMap(maxStreams);
        this.speechLoudness = speechLoudness;
        this.marginDb = marginDb;
        this.holdMillis = holdMillis;
    }

    /** Registers an audio stream; false when {@code maxStreams} are registered (or it already is). */
    public boolean addStream(long id) {
        if (indexById.indexOf(id) >= 0) {
            return false;
        }
        for (int i = 0; i < meters.length; i++) {
            if (!registered[i]) {
                registered[i] = true;
                ids[i] = id;
                meters[i].clear();
                return indexById.put(id, i);
            }
        }
        return false;
    }

    /** Forgets a stream; if it was the dominant speaker, the next {@link #update} reports that none is. */
    public void removeStream(long id) {
        int index = indexById.get(id, -1);
        if (index < 0) {
            return;
        }
        indexById.remove(id);
        registered[index] = false;
        if (index == dominant) {
            dominant = -1;
            lostDominant = true;
        }
        if (index == challenger) {
            challenger = -1;
        }
    }

    /** One packet's audio level in -dBov for a registered stream; unknown ids are ignored. */
    public void onAudioLevel(long id, int levelDbov, long nowMillis) {
        int index = indexById.get(id, -1);
        if (index >= 0) {
            meters[index].onLevel(levelDbov, nowMillis);
        }
    }

    /** Re-evaluates; true when the dominant speaker changed (read {@link #dominantSpeaker()}). */
    public boolean update(long nowMillis) {
        int loudest = -1;
        double loudestLoudness = speechLoudness;
        double dominantLoudness = 0;
        for (int i = 0; i < meters.length; i++) {
            if (!registered[i]) {
                continue;
            }
            double loudness = meters[i].loudness(nowMillis);
            if (i == dominant) {
                dominantLoudness = loudness;
            }
            if (loudness >= loudestLoudness) {
                loudest = i;
                loudestLoudness = loudness;
            }
        }
        if (loudest < 0 || loudest == dominant || loudestLoudness < dominantLoudness + marginDb) {
            challenger = -1;
            return takeLostDominant();
        }
        if (loudest != challenger) {
            challenger = loudest;
            challengerSinceMillis = nowMillis;
        }
        if (nowMillis - challengerSinceMillis < holdMillis) {
            return takeLostDominant();
        }
        dominant = loudest;
        dominantId = ids[loudest];
        challenger = -1;
        lostDominant = false;
        return true;
    }

    private boolean takeLostDominant() {
        boolean changed = lostDominant;
        lostDominant = false;
        return changed;
    }

    public boolean hasDominantSpeaker() {
        return dominant >= 0;
    }

    /** The dominant speaker's id; meaningful only when {@link #hasDominantSpeaker()}. */
    public long dominantSpeaker() {
        return dominantId;
    }
}
