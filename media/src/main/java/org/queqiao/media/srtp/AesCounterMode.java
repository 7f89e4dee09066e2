package org.queqiao.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode without a per-packet {@code Cipher.init}: counter blocks are laid out in a reused
 * array and encrypted with one ECB cipher (AES-NI backed), then XORed onto the data. Re-initialising an
 * {@code AES/CTR} cipher for each packet's IV would allocate; this does not. Works in chunks so that any
 * packet length fits the fixed scratch arrays. Not thread-safe.
 */
final class AesCounterMode {
    private static final int CHUNK = 1024;

    private final Cipher ecb;
    private final byte[] counters = new byte[CHUNK];
    private final byte[] keystream = new byte[CHUNK];

    AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** XORs the keystream that starts at counter block {@code iv} (16 bytes; the counter runs in its low 32 bits) onto buf. */
    void apply(byte[] iv, byte[] buf, int off, int len) {
        int block = 0;
        while (len > 0) {
            int n = Math.min(len, CHUNK);
            int blocks = (n + 15) >>> 4;
            for (int b = 0; b < blocks; b++) {
                writeCounter(iv, block + b, counters, b << 4);
            }
            try {
                ecb.update(counters, 0, blocks << 4, keystream, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < n; i++) {
                buf[off + i] ^= keystream[i];
            }
            block += blocks;
            off += n;
            len -= n;
        }
    }

    /** Encrypts one block (for GCM's E(K, J0) and similar), in and out may be the same array. */
    void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        System.arraycopy(in, inOff, counters, 0, 16);
        try {
            ecb.update(counters, 0, 16, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeCounter(byte[] iv, int add, byte[] out, int at) {
        System.arraycopy(iv, 0, out, at, 16);
        // SRTP packets stay far below 2^16 blocks, but carry through the low four bytes anyway.
        long low = (((iv[12] & 0xffL) << 24) | ((iv[13] & 0xff) << 16) | ((iv[14] & 0xff) << 8) | (iv[15] & 0xff)) + add;
        out[at + 12] = (byte) (low >>> 24);
        out[at + 13] = (byte) (low >>> 16);
        out[at + 14] = (byte) (low >>> 8);
        out[at + 15] = (byte) low;
    }
}
