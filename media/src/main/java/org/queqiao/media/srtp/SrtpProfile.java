package org.queqiao.media.srtp;

/**
 * The SRTP protection profiles we negotiate in DTLS-SRTP (RFC 5764 §4.1.2, RFC 7714 §14.2), in order of
 * preference: AES-GCM first because it encrypts and authenticates in one pass and the JDK runs it on AES-NI
 * and carry-less multiply.
 */
public enum SrtpProfile {
    AEAD_AES_128_GCM(0x0007, 16, 12, 16),
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;

    SrtpProfile(int id, int keyLength, int saltLength, int tagLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
    }

    /** The two-byte identifier in the {@code use_srtp} extension. */
    public int id() { return id; }

    public int keyLength() { return keyLength; }

    public int saltLength() { return saltLength; }

    /** Authentication tag length appended to every protected packet (SRTCP adds 4 more bytes for E|index). */
    public int tagLength() { return tagLength; }

    /** Bytes of keying material to export from DTLS: a key and a salt for each side. */
    public int keyingMaterialLength() { return 2 * (keyLength + saltLength); }

    /** The profile with this {@code use_srtp} identifier, or null when we do not support it. */
    public static SrtpProfile byId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) return p;
        }
        return null;
    }
}
