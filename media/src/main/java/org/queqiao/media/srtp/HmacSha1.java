package org.queqiao.media.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) that writes into the caller's array. {@code javax.crypto.Mac.doFinal(byte[], int)}
 * allocates its result on every call; two reused {@link MessageDigest}s do not, at the same cost.
 * Not thread-safe: one instance per protecting or unprotecting context.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] innerHash = new byte[LENGTH];

    HmacSha1(byte[] key) {
        try {
            inner = MessageDigest.getInstance("SHA-1");
            outer = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
        byte[] k = key.length > BLOCK ? inner.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        inner.update(innerPad);
    }

    void update(byte[] buf, int off, int len) {
        inner.update(buf, off, len);
    }

    /** Finishes the MAC into {@code out[off..off+20)} and readies the instance for the next message. */
    void doFinal(byte[] out, int off) {
        try {
            inner.digest(innerHash, 0, LENGTH);
            outer.update(outerPad, 0, BLOCK);
            outer.update(innerHash, 0, LENGTH);
            outer.digest(out, off, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        inner.update(innerPad, 0, BLOCK);
    }
}
