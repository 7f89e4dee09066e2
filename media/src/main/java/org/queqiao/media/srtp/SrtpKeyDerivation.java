package org.queqiao.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRTP key derivation function (RFC 3711 §4.3) with the AES-CM PRF and a key derivation rate of zero,
 * which is what DTLS-SRTP uses. RFC 7714 §11 reuses it for AES-GCM with a 12-byte master salt, which is
 * right-padded with zeros to the 14 bytes the PRF expects.
 */
public final class SrtpKeyDerivation {
    public static final int LABEL_RTP_ENCRYPTION = 0x00;
    public static final int LABEL_RTP_AUTHENTICATION = 0x01;
    public static final int LABEL_RTP_SALT = 0x02;
    public static final int LABEL_RTCP_ENCRYPTION = 0x03;
    public static final int LABEL_RTCP_AUTHENTICATION = 0x04;
    public static final int LABEL_RTCP_SALT = 0x05;

    private SrtpKeyDerivation() {}

    /** Derives {@code length} bytes for {@code label}: AES-CM keystream under the master key from x = salt ^ label. */
    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterSalt.length > 14) throw new IllegalArgumentException("master salt longer than 14 bytes");
        byte[] counter = new byte[16];
        System.arraycopy(masterSalt, 0, counter, 0, masterSalt.length);
        // label * 2^48 within the 112-bit x lands on byte 7 (index with kdr = 0 contributes nothing).
        counter[7] ^= (byte) label;
        int blocks = (length + 15) / 16;
        byte[] in = new byte[blocks * 16];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(counter, 0, in, b * 16, 14);
            in[b * 16 + 14] = (byte) (b >>> 8);
            in[b * 16 + 15] = (byte) b;
        }
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] out = aes.doFinal(in);
            byte[] result = new byte[length];
            System.arraycopy(out, 0, result, 0, length);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** Session keys for RTP (rtcp=false, labels 0-2) or RTCP (rtcp=true, labels 3-5). */
    public static SrtpSessionKeys sessionKeys(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean rtcp) {
        int base = rtcp ? LABEL_RTCP_ENCRYPTION : LABEL_RTP_ENCRYPTION;
        byte[] cipherKey = derive(masterKey, masterSalt, base, profile.keyLength());
        byte[] authKey = profile == SrtpProfile.AES128_CM_HMAC_SHA1_80 ? derive(masterKey, masterSalt, base + 1, 20) : new byte[0];
        byte[] salt = derive(masterKey, masterSalt, base + 2, profile.saltLength());
        return new SrtpSessionKeys(cipherKey, authKey, salt);
    }
}
