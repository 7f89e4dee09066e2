package org.queqiao.media.forward;

import org.queqiao.media.rtp.AudioLevelExtension;

/**
 * Smooths the audio levels (RFC 6464, -dBov) of one audio stream over a short window, as a loudness
 * from 0 (silence) to 127 (full scale): {@code 127 - level}, averaged.
 *
 * <p>Time the window counts as silence when no packet covers it: with DTX a silent sender stops sending,
 * and a lone cough after a pause must weigh as one cough, not as a full window of speech. So the average
 * divides by at least the number of 20 ms frames the window holds (the packet time WebRTC uses for
 * Opus); with shorter frames it is the plain mean.
 *
 * <p>Samples live in a preallocated ring. One per audio stream; one thread at a time.
 */
public final class AudioLevelMeter {
    public static final long DEFAULT_WINDOW_MILLIS = 500;
    private static final int FRAME_MILLIS = 20;
    private static final int CAPACITY = 128;

    private final long windowMillis;
    private final long[] timesMillis = new long[CAPACITY];
    private final byte[] loudness = new byte[CAPACITY];
    private int next;
    private int size;

    public AudioLevelMeter() {
        this(DEFAULT_WINDOW_MILLIS);
    }

    /** @param windowMillis up to 1,280 ms (the ring holds 128 frames of 10 ms) */
    public AudioLevelMeter(long windowMillis) {
        if (windowMillis < FRAME_MILLIS || windowMillis > CAPACITY * 10L) {
            throw new IllegalArgumentException("window must be 20 to 1280 ms, not " + windowMillis);
        }
        this.windowMillis = windowMillis;
    }

    /** Records one packet's level in -dBov (0 loudest, 127 silence); values out of range are clamped. */
    public void onLevel(int levelDbov, long nowMillis) {
        int level = Math.max(0, Math.min(AudioLevelExtension.SILENCE, levelDbov));
        timesMillis[next] = nowMillis;
        loudness[next] = (byte) (AudioLevelExtension.SILENCE - level);
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** Mean loudness, 0–127, over the window ending now; 0 when nothing was heard in it. */
    public double loudness(long nowMillis) {
        long sum = 0;
        int count = 0;
        for (int i = 1; i <= size; i++) {
            int at = (next - i + CAPACITY) % CAPACITY;
            if (nowMillis - timesMillis[at] > windowMillis) {
                break; // the ring is in arrival order: everything further back is older still
            }
            sum += loudness[at];
            count++;
        }
        return (double) sum / Math.max(count, windowMillis / FRAME_MILLIS);
    }

    public void clear() {
        size = 0;
        next = 0;
    }
}
