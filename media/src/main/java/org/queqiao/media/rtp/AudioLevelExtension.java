package org.queqiao.media.rtp;

/**
 * The client-to-mixer audio level extension ({@code urn:ietf:params:rtp-hdrext:ssrc-audio-level},
 * RFC 6464 §3): one byte, {@code V(1) | level(7)}, the level in -dBov from 0 (loudest) to 127 (silence).
 *
 * <p>{@link #read} packs both fields into one int so that reading allocates nothing.
 */
public final class AudioLevelExtension {
    /** Returned by {@link #read} when the packet carries no audio level. */
    public static final int ABSENT = -1;
    /** The level RFC 6464 uses for digital silence (and the quietest level it can express). */
    public static final int SILENCE = 127;

    private AudioLevelExtension() {}

    /**
     * The audio level element with {@code id}, as {@code V << 7 | level}, or {@link #ABSENT}. The packet
     * must have passed {@link RtpPacket#isValid}.
     */
    public static int read(byte[] buf, int off, int len, int id) {
        long location = HeaderExtensions.find(buf, off, len, id);
        if (location == HeaderExtensions.NOT_FOUND || HeaderExtensions.dataLength(location) < 1) {
            return ABSENT;
        }
        return buf[HeaderExtensions.dataOffset(location)] & 0xFF;
    }

    /** The level in -dBov, 0–127, of a value {@link #read} returned. */
    public static int level(int value) {
        return value & 0x7F;
    }

    /**
     * The V bit: the sender's voice activity detector believes the packet holds speech. Only meaningful
     * when the extension was negotiated with {@code vad=on} (RFC 6464 §4).
     */
    public static boolean voiceActivity(int value) {
        return (value & 0x80) != 0;
    }
}
